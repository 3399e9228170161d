package chat.stores.history;

/**
 * A channel's messages are split into partitions of {@value #SIZE} consecutive seqs, so no
 * Cassandra partition grows without bound and the partition of any seq is known without a read.
 */
public final class MessageBuckets {

  public static final long SIZE = 10_000;

  private MessageBuckets() {}

  public static int bucketOf(long seq) {
    return (int) (seq / SIZE);
  }
}
