package chat.runtime.cassandra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPackingTest {

  /** A write to partition {@code p} on the replicas {@code replicas}, of {@code bytes}. */
  record W(String replicas, int p, int bytes) {}

  private static List<List<W>> pack(List<W> writes, int maxPartitions, int maxBytes) {
    return BatchPacking.pack(writes, W::replicas, W::p, W::bytes, maxPartitions, maxBytes);
  }

  @Test
  void writes_on_the_same_replicas_share_a_batch_and_others_get_their_own() {
    W a1 = new W("a", 1, 10), b2 = new W("b", 2, 10), a3 = new W("a", 3, 10), b4 = new W("b", 4, 10);

    assertThat(pack(List.of(a1, b2, a3, b4), 10, 1_000)).containsExactly(List.of(a1, a3), List.of(b2, b4));
  }

  @Test
  void a_batch_covers_at_most_the_partitions_asked_but_any_number_of_rows_of_them() {
    W p1 = new W("a", 1, 10), p1again = new W("a", 1, 10), p2 = new W("a", 2, 10), p3 = new W("a", 3, 10), p2again = new W("a", 2, 10);

    assertThat(pack(List.of(p1, p1again, p2, p3, p2again), 2, 1_000))
        .containsExactly(List.of(p1, p1again, p2), List.of(p3, p2again));
  }

  @Test
  void a_batch_stops_before_it_passes_the_byte_budget_and_an_oversized_write_goes_alone() {
    W small = new W("a", 1, 400), medium = new W("a", 2, 500), next = new W("a", 3, 200), huge = new W("a", 4, 5_000),
        after = new W("a", 5, 10);

    assertThat(pack(List.of(small, medium, next, huge, after), 10, 1_000))
        .containsExactly(List.of(small, medium), List.of(next), List.of(huge), List.of(after));
  }

  @Test
  void nothing_to_write_makes_no_batch_and_limits_below_one_are_refused() {
    assertThat(pack(List.of(), 10, 1_000)).isEmpty();
    assertThatThrownBy(() -> pack(List.of(), 0, 1_000)).isInstanceOf(IllegalArgumentException.class);
  }
}
