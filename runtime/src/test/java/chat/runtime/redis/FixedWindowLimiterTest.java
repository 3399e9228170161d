package chat.runtime.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixedWindowLimiterTest {

  private final FixedWindowLimiter limiter = new FixedWindowLimiter(null, "t", 3, 60);

  @Test
  void events_up_to_the_limit_are_allowed() {
    assertThat(limiter.decide(3, 120, 2).allowed()).isTrue();
  }

  @Test
  void the_event_over_the_limit_is_refused_until_the_window_ends() {
    FixedWindowLimiter.Decision refused = limiter.decide(4, 125, 2);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isEqualTo(55);
  }

  @Test
  void retry_after_is_at_least_one_second() {
    assertThat(limiter.decide(4, 179, 2).retryAfterSeconds()).isEqualTo(1);
  }
}
