package chat.stores.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SeqRunsTest {

  @Test
  void consecutive_seqs_make_one_run() {
    assertThat(SeqRuns.of(List.of(3L, 4L, 5L))).containsExactly(new SeqRuns.Run(3, 5));
  }

  @Test
  void a_gap_starts_a_new_run_and_a_lone_seq_is_a_run_of_its_own() {
    assertThat(SeqRuns.of(List.of(1L, 2L, 7L, 9L, 10L)))
        .containsExactly(new SeqRuns.Run(1, 2), new SeqRuns.Run(7, 7), new SeqRuns.Run(9, 10));
  }

  @Test
  void no_seqs_make_no_runs() {
    assertThat(SeqRuns.of(List.of())).isEmpty();
  }

  @Test
  void seqs_out_of_order_are_refused() {
    assertThatThrownBy(() -> SeqRuns.of(List.of(4L, 4L))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SeqRuns.of(List.of(5L, 2L))).isInstanceOf(IllegalArgumentException.class);
  }
}
