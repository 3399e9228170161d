package chat.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void a_full_bucket_allows_a_burst_of_its_capacity_then_refuses_with_the_wait() {
    TokenBucket bucket = new TokenBucket(3, 10, 0);

    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isZero();
    assertThat(bucket.take(0)).isEqualTo(100);
  }

  @Test
  void tokens_come_back_at_the_rate_but_never_above_capacity() {
    TokenBucket bucket = new TokenBucket(2, 10, 0);
    bucket.take(0);
    bucket.take(0);

    assertThat(bucket.take(SECOND / 10)).isZero();
    assertThat(bucket.take(SECOND / 10)).isPositive();
    assertThat(bucket.take(100 * SECOND)).isZero();
    assertThat(bucket.take(100 * SECOND)).isZero();
    assertThat(bucket.take(100 * SECOND)).isPositive();
  }

  @Test
  void a_send_needs_both_buckets_and_a_refusal_by_the_user_bucket_keeps_the_connection_token() {
    TokenBucket connection = new TokenBucket(5, 1, 0);
    TokenBucket user = new TokenBucket(1, 1, 0);

    assertThat(SendLimits.take(connection, user, 0)).isZero();
    assertThat(SendLimits.take(connection, user, 0)).isEqualTo(1000);
    user.giveBack();
    assertThat(SendLimits.take(connection, user, 0)).as("the connection bucket still had 4").isZero();
  }

  @Test
  void devices_of_one_user_share_the_user_bucket_until_the_last_one_leaves() {
    SendLimits limits = new SendLimits(new SendLimits.Rates(10, 10, 1, 1));
    TokenBucket phone = limits.userBucket(7, 0);
    TokenBucket laptop = limits.userBucket(7, 0);

    assertThat(phone).isSameAs(laptop);
    limits.released(7);
    assertThat(limits.userBucket(7, 0)).isSameAs(phone);
    limits.released(7);
    limits.released(7);
    assertThat(limits.userBucket(7, 0)).isNotSameAs(phone);
  }
}
