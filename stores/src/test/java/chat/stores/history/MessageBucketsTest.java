package chat.stores.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageBucketsTest {

  @Test
  void consecutive_seqs_share_a_bucket_until_the_bucket_size() {
    assertThat(MessageBuckets.bucketOf(1)).isEqualTo(0);
    assertThat(MessageBuckets.bucketOf(9_999)).isEqualTo(0);
    assertThat(MessageBuckets.bucketOf(10_000)).isEqualTo(1);
    assertThat(MessageBuckets.bucketOf(25_000)).isEqualTo(2);
  }
}
