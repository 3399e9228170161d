package chat.pusher.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(1_000, 60_000);

  @Test
  void the_delay_doubles_per_attempt_around_the_base_with_jitter() {
    assertThat(backoff.delayMs(1, 0, () -> 0.5)).isEqualTo(1_000);
    assertThat(backoff.delayMs(2, 0, () -> 0.5)).isEqualTo(2_000);
    assertThat(backoff.delayMs(3, 0, () -> 0.0)).isEqualTo(2_000);
    assertThat(backoff.delayMs(3, 0, () -> 0.999)).isBetween(5_990L, 6_000L);
  }

  @Test
  void the_delay_is_capped_but_never_shorter_than_the_providers_retry_after() {
    assertThat(backoff.delayMs(20, 0, () -> 0.9)).isEqualTo(60_000);
    assertThat(backoff.delayMs(1, 120_000, () -> 0.5)).isEqualTo(120_000);
  }
}
