package chat.sequencer;

import java.time.Duration;

/**
 * The sequencer's rules, free of Kafka: the next seq of a channel, and whether a send was seen
 * within the dedupe window. A remembered send is stored as {@code "<seq>:<epoch ms>"}, the time
 * the gateway accepted it (its {@code submitted_at}), and a retry is judged by the time the
 * gateway accepted the retry: so the same input always gets the same answer, however late or
 * often it is processed.
 */
public final class Sequencing {

  private Sequencing() {}

  /** Seqs start at 1 and grow by exactly 1. */
  public static long nextSeq(Long head) {
    return head == null ? 1 : head + 1;
  }

  public static String dedupeKey(long channelId, long senderId, Object clientMsgId) {
    return channelId + "|" + senderId + "|" + clientMsgId;
  }

  public static String remember(long seq, long acceptedAtMs) {
    return seq + ":" + acceptedAtMs;
  }

  /**
   * True when {@code remembered} (may be null) was accepted at most {@code window} before this
   * send, accepted at {@code acceptedAtMs}: a retry to drop.
   */
  public static boolean isRetry(String remembered, long acceptedAtMs, Duration window) {
    return remembered != null && acceptedAtMs - acceptedAt(remembered) <= window.toMillis();
  }

  /**
   * How much longer than the window a remembered send is kept before the clock-driven cleanup
   * deletes it. Retries are judged by their own acceptance time, the cleanup by the clock: with
   * this margin the cleanup can only delete what no record accepted less than an hour ago could
   * still match, so whether it ran yet never changes an answer while the sequencer is less than
   * an hour behind.
   */
  public static final Duration FORGET_MARGIN = Duration.ofHours(1);

  /** True when the cleanup running at {@code clockMs} may delete {@code remembered}. */
  public static boolean isForgettable(String remembered, long clockMs, Duration window) {
    return clockMs - acceptedAt(remembered) > window.plus(FORGET_MARGIN).toMillis();
  }

  private static long acceptedAt(String remembered) {
    return Long.parseLong(remembered.substring(remembered.indexOf(':') + 1));
  }
}
