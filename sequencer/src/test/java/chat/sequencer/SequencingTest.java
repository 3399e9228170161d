package chat.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SequencingTest {

  private static final Duration DAY = Duration.ofHours(24);

  @Test
  void a_new_channel_starts_at_one_and_each_message_adds_exactly_one() {
    assertThat(Sequencing.nextSeq(null)).isEqualTo(1);
    assertThat(Sequencing.nextSeq(1L)).isEqualTo(2);
    assertThat(Sequencing.nextSeq(41L)).isEqualTo(42);
  }

  @Test
  void a_send_seen_inside_the_window_is_a_retry() {
    String remembered = Sequencing.remember(7, 1_000);

    assertThat(Sequencing.isRetry(remembered, 1_000 + DAY.toMillis(), DAY)).isTrue();
  }

  @Test
  void a_send_seen_before_the_window_is_not_a_retry() {
    String remembered = Sequencing.remember(7, 1_000);

    assertThat(Sequencing.isRetry(remembered, 1_001 + DAY.toMillis(), DAY)).isFalse();
  }

  @Test
  void a_retry_is_judged_by_when_it_was_accepted_however_late_it_is_processed() {
    String remembered = Sequencing.remember(7, 1_000);

    assertThat(Sequencing.isRetry(remembered, 2_000, DAY)).isTrue();
    assertThat(Sequencing.isRetry(remembered, 1_000 + DAY.toMillis() + 1, DAY)).isFalse();
  }

  @Test
  void the_cleanup_keeps_a_send_for_the_window_plus_the_margin() {
    String remembered = Sequencing.remember(7, 1_000);
    long keptUntil = 1_000 + DAY.plus(Sequencing.FORGET_MARGIN).toMillis();

    assertThat(Sequencing.isForgettable(remembered, keptUntil, DAY)).isFalse();
    assertThat(Sequencing.isForgettable(remembered, keptUntil + 1, DAY)).isTrue();
  }

  @Test
  void what_the_cleanup_deletes_could_not_match_a_send_accepted_within_the_margin_before_it() {
    String remembered = Sequencing.remember(7, 1_000);
    long cleanupClock = 1_000 + DAY.plus(Sequencing.FORGET_MARGIN).toMillis() + 1;
    long acceptedWithinMargin = cleanupClock - Sequencing.FORGET_MARGIN.toMillis();

    assertThat(Sequencing.isForgettable(remembered, cleanupClock, DAY)).isTrue();
    assertThat(Sequencing.isRetry(remembered, acceptedWithinMargin, DAY)).isFalse();
  }

  @Test
  void a_send_never_seen_is_not_a_retry() {
    assertThat(Sequencing.isRetry(null, 5, DAY)).isFalse();
  }

  @Test
  void the_dedupe_key_separates_senders_of_the_same_client_msg_id() {
    assertThat(Sequencing.dedupeKey(1, 2, "x")).isNotEqualTo(Sequencing.dedupeKey(1, 3, "x"));
  }
}
