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
  void a_send_is_a_retry_of_one_accepted_up_to_the_window_before_it() {
    Sequencing.Range range = Sequencing.retryRange(1_000 + DAY.toMillis(), DAY);

    assertThat(range.fromMs()).isEqualTo(1_000);
  }

  @Test
  void an_original_stamped_later_than_its_retry_by_another_gateways_clock_still_counts() {
    Sequencing.Range range = Sequencing.retryRange(5_000, DAY);

    assertThat(range.toMs()).isEqualTo(5_000 + DAY.toMillis());
  }

  @Test
  void sends_are_kept_an_hour_longer_than_the_window() {
    assertThat(Sequencing.retention(DAY)).isEqualTo(Duration.ofHours(25));
  }

  @Test
  void the_dedupe_key_separates_senders_of_the_same_client_msg_id() {
    assertThat(Sequencing.dedupeKey(1, 2, "x")).isNotEqualTo(Sequencing.dedupeKey(1, 3, "x"));
  }
}
