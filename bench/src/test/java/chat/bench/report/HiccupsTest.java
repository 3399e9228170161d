package chat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HiccupsTest {

  @Test
  void stalls_are_summed_up_as_percentiles_a_count_over_10_ms_and_the_share_of_time_lost() {
    Histogram late = new Histogram(3_600_000_000L, 3);
    late.recordValueWithCount(50, 8_900); // 8,900 wake-ups 50 µs late
    late.recordValueWithCount(20_000, 100); // 100 stalls of 20 ms
    late.recordValue(120_000); // and one of 120 ms

    Hiccups hiccups = Hiccups.of(late, 10);

    assertThat(hiccups.over10ms()).isEqualTo(101);
    assertThat(hiccups.maxMicros()).isBetween(119_000L, 121_000L);
    assertThat(hiccups.p99Micros()).isBetween(19_900L, 20_100L);
    // 2 s + 0.12 s stalled in 10 s; the 50 µs of timer slack are no stall
    assertThat(hiccups.stalledShare()).isCloseTo(0.212, within(0.001));
    assertThat(hiccups.markdown()).contains("p99 20.0 ms", "max 120.", "over 10 ms late 101 times", "21.2 % of the time");
  }

  @Test
  void a_meter_records_how_late_its_sleeps_end_until_it_is_stopped() {
    Hiccups.Meter meter = Hiccups.Meter.start();
    meter.record(31_000_000); // a sleep of 1 ms that took 31

    Hiccups hiccups = meter.stop();

    assertThat(hiccups.over10ms()).isGreaterThanOrEqualTo(1);
    assertThat(hiccups.maxMicros()).isGreaterThanOrEqualTo(29_900L);
  }
}
