package chat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyReportTest {

  @Test
  void percentiles_come_from_the_recorded_latencies() {
    Histogram micros = new Histogram(3);
    for (int i = 1; i <= 1000; i++) {
      micros.recordValue(i * 100L); // 0.1 ms … 100 ms
    }

    LatencyReport report = LatencyReport.of("1:1", 500, 1002, 2, 0, micros);

    assertThat(report.received()).isEqualTo(1000);
    assertThat(report.p50Micros()).isBetween(49_900L, 50_100L);
    assertThat(report.p99Micros()).isBetween(98_900L, 99_100L);
    assertThat(report.maxMicros()).isBetween(99_900L, 100_100L);
    assertThat(report.lost()).isEqualTo(2);
  }

  @Test
  void the_markdown_row_is_in_milliseconds_and_the_json_has_every_figure() {
    Histogram micros = new Histogram(3);
    micros.recordValue(2_500);
    LatencyReport report = LatencyReport.of("1:1", 100, 1, 0, 0, micros);

    assertThat(report.markdownRow()).startsWith("| 1:1 | 100 | 1 | 1 | 0 | 0 | 2.5 |");
    assertThat(report.toJson().fieldNames()).contains("p999_micros", "lost", "duplicated", "offered_per_second");
  }

  @Test
  void messages_never_sent_are_not_counted_as_lost_once_for_each_delivery_they_would_have_made() {
    assertThat(LatencyReport.lost(100, 90, 0, 1)).isEqualTo(10);
    assertThat(LatencyReport.lost(100, 90, 4, 1)).isEqualTo(6);
    assertThat(LatencyReport.lost(1_000, 900, 1, 100)).isZero();
    assertThat(LatencyReport.lost(100, 100, 3, 1)).as("a refused send that was stored after all").isZero();
  }
}
