package chat.stores.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentWindowTest {

  @Test
  void the_newest_seqs_without_a_gap_answer_the_latest_page() {
    assertThat(RecentWindow.covers(10, Long.MAX_VALUE, 3, List.of(10L, 9L, 8L))).isTrue();
  }

  @Test
  void nothing_cached_is_no_answer_even_for_an_empty_page() {
    assertThat(RecentWindow.covers(0, Long.MAX_VALUE, 3, List.of())).isFalse();
  }

  @Test
  void a_gap_inside_the_page_is_no_answer() {
    assertThat(RecentWindow.covers(10, Long.MAX_VALUE, 3, List.of(10L, 9L, 7L))).isFalse();
  }

  @Test
  void fewer_than_asked_is_an_answer_only_when_they_reach_down_to_seq_1() {
    assertThat(RecentWindow.covers(2, Long.MAX_VALUE, 50, List.of(2L, 1L))).isTrue();
    assertThat(RecentWindow.covers(12, Long.MAX_VALUE, 50, List.of(12L, 11L))).isFalse();
  }

  @Test
  void a_page_before_a_seq_starts_just_below_it() {
    assertThat(RecentWindow.covers(10, 6, 2, List.of(6L, 5L))).isTrue();
    assertThat(RecentWindow.covers(10, 6, 2, List.of(5L, 4L))).isFalse();
  }

  @Test
  void a_page_before_seq_1_is_empty_and_answered() {
    assertThat(RecentWindow.covers(10, 0, 5, List.of())).isTrue();
  }

  @Test
  void a_page_starting_above_the_cached_top_starts_at_the_top() {
    assertThat(RecentWindow.covers(4, 99, 2, List.of(4L, 3L))).isTrue();
  }
}
