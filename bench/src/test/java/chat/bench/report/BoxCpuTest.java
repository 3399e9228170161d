package chat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BoxCpuTest {

  @Test
  void a_cpu_line_is_read_as_busy_system_idle_and_steal() {
    BoxCpu.Ticks ticks = BoxCpu.Ticks.parse("cpu  368947 10 47587 150480 516 3 8023 48202 0 0");

    assertThat(ticks.busy()).isEqualTo(368947 + 10 + 3 + 8023);
    assertThat(ticks.system()).isEqualTo(47587);
    assertThat(ticks.idle()).isEqualTo(150480 + 516);
    assertThat(ticks.steal()).isEqualTo(48202);
  }

  @Test
  void the_split_between_two_readings_is_each_kinds_share_of_the_time_that_passed() {
    BoxCpu.Ticks from = BoxCpu.Ticks.parse("cpu 1000 0 200 5000 0 0 0 100 0 0");
    BoxCpu.Ticks to = BoxCpu.Ticks.parse("cpu 1100 0 220 5060 0 0 0 120 0 0"); // 100 + 20 + 60 + 20 = 200 ticks

    BoxCpu.Split split = BoxCpu.Split.between(from, to);

    assertThat(split.busy()).isCloseTo(0.5, within(1e-9));
    assertThat(split.system()).isCloseTo(0.1, within(1e-9));
    assertThat(split.idle()).isCloseTo(0.3, within(1e-9));
    assertThat(split.steal()).isCloseTo(0.1, within(1e-9));
    assertThat(split.markdown()).contains("busy 50 %", "**steal 10 %**");
  }

  @Test
  void a_line_that_is_not_the_aggregate_cpu_line_is_refused() {
    assertThatThrownBy(() -> BoxCpu.Ticks.parse("cpu0 1 2 3 4 5 6 7 8")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BoxCpu.Ticks.parse("cpu 1 2 3")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void this_machine_can_be_read_and_a_report_carries_the_split_in_its_json() {
    BoxCpu.Ticks now = BoxCpu.read();
    assertThat(now).isNotNull(); // the build runs on Linux
    assertThat(now.busy() + now.system() + now.idle()).isPositive();
    BoxCpu.Split split = BoxCpu.Split.between(BoxCpu.Ticks.parse("cpu 0 0 0 0 0 0 0 0 0 0"), now);
    Histogram micros = new Histogram(3);
    micros.recordValue(1_000);

    LatencyReport report = LatencyReport.of("1:1", 10, 1, 0, 0, micros).withMachine(split);

    assertThat(report.toJson().getJsonObject("machine").fieldNames()).containsExactlyInAnyOrder("busy", "system", "idle", "steal");
  }
}
