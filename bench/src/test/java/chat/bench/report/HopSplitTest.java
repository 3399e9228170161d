package chat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class HopSplitTest {

  // the generator's nanoTime 5,000,000,000 was wall clock 1,764,000,000,000 ms
  private final HopSplit split = new HopSplit(1_764_000_000_000L, 5_000_000_000L);

  @Test
  void a_delivery_is_split_at_the_gateways_stamp_on_the_generators_wall_clock() {
    // due 10 ms after the anchor, accepted 14 ms after it, received 40 ms after it
    split.record(5_010_000_000L, 5_040_000_000L, 1_764_000_000_014L);

    // the histograms keep three significant digits
    assertThat(split.toJson().getJsonObject("to_gateway").getLong("p50_micros")).isCloseTo(4_000L, withinPercentage(0.1));
    assertThat(split.toJson().getJsonObject("gateway_to_recipient").getLong("p50_micros")).isCloseTo(26_000L, withinPercentage(0.1));
    assertThat(split.markdown()).contains("| due → accepted | 4.0 |").contains("| accepted → recipient | 26.0 |");
  }

  @Test
  void a_stamp_a_little_before_the_due_time_counts_as_zero_and_a_missing_stamp_is_skipped() {
    split.record(5_010_600_000L, 5_020_000_000L, 1_764_000_000_010L); // sent_at truncated to the ms
    split.record(5_010_000_000L, 5_020_000_000L, -1);

    assertThat(split.count()).isEqualTo(1);
    assertThat(split.toJson().getJsonObject("to_gateway").getLong("max_micros")).isZero();
  }
}
