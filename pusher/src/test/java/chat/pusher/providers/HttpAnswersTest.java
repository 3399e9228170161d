package chat.pusher.providers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpAnswersTest {

  @Test
  void success_retry_gone_and_refused_are_told_apart_by_status() {
    assertThat(HttpAnswers.of(201, null, "", 0)).isInstanceOf(Outcome.Sent.class);
    assertThat(HttpAnswers.of(429, null, "", 0)).isInstanceOf(Outcome.Retry.class);
    assertThat(HttpAnswers.of(503, null, "", 0)).isInstanceOf(Outcome.Retry.class);
    assertThat(HttpAnswers.of(410, null, "", 0)).isInstanceOf(Outcome.Gone.class);
    assertThat(HttpAnswers.of(404, null, "", 0)).isInstanceOf(Outcome.Gone.class);
    assertThat(HttpAnswers.of(400, null, "bad", 0)).isEqualTo(new Outcome.Refused("400 bad"));
  }

  @Test
  void retry_after_is_read_as_seconds_or_as_an_http_date() {
    assertThat(HttpAnswers.of(429, "3", "", 0)).isEqualTo(new Outcome.Retry("429", 3_000));
    long now = 1_795_564_800_000L; // 2026-11-25T00:00:00Z
    assertThat(HttpAnswers.retryAfterMs("Wed, 25 Nov 2026 00:00:10 GMT", now)).isEqualTo(10_000);
    assertThat(HttpAnswers.retryAfterMs("soon", now)).isZero();
    assertThat(HttpAnswers.retryAfterMs(null, now)).isZero();
  }
}
