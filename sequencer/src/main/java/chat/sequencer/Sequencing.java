package chat.sequencer;

import java.time.Duration;

/**
 * The sequencer's rules, free of Kafka: the next seq of a channel, and which earlier sends a
 * send may be a retry of. Times are when a gateway accepted a send (its {@code submitted_at}),
 * never the sequencer's clock: so the same input always gets the same answer, however late or
 * often it is processed.
 */
public final class Sequencing {

  /**
   * How much longer than the window a send is remembered. The store drops old sends by the
   * newest acceptance time it has seen, and a send may come from a gateway whose clock is behind
   * (or sit in a partition that lags): with this margin a retry accepted less than an hour
   * behind the newest send still finds its original.
   */
  public static final Duration RETENTION_MARGIN = Duration.ofHours(1);

  private Sequencing() {}

  /** Seqs start at 1 and grow by exactly 1. */
  public static long nextSeq(Long head) {
    return head == null ? 1 : head + 1;
  }

  public static String dedupeKey(long channelId, long senderId, Object clientMsgId) {
    return channelId + "|" + senderId + "|" + clientMsgId;
  }

  /** Acceptance times, inclusive, at which an original of a send accepted at {@code acceptedAtMs} makes it a retry. */
  public record Range(long fromMs, long toMs) {}

  /**
   * A send is a retry of one accepted at most {@code window} before it — or after it, when the
   * two gateways' clocks disagree.
   */
  public static Range retryRange(long acceptedAtMs, Duration window) {
    return new Range(acceptedAtMs - window.toMillis(), acceptedAtMs + window.toMillis());
  }

  /** How long the store keeps a send: the window and the margin. */
  public static Duration retention(Duration window) {
    return window.plus(RETENTION_MARGIN);
  }
}
