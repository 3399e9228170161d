package chat.runtime.redis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

  @Test
  void retry_after_rounds_the_wait_up_to_whole_seconds() {
    assertThat(SlidingWindowLimiter.retryAfterSeconds(1)).isEqualTo(1);
    assertThat(SlidingWindowLimiter.retryAfterSeconds(1_000)).isEqualTo(1);
    assertThat(SlidingWindowLimiter.retryAfterSeconds(1_001)).isEqualTo(2);
    assertThat(SlidingWindowLimiter.retryAfterSeconds(59_999)).isEqualTo(60);
  }

  @Test
  void retry_after_is_at_least_one_second() {
    assertThat(SlidingWindowLimiter.retryAfterSeconds(0)).isEqualTo(1);
  }
}
