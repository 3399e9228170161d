package chat.sequencer;

import java.time.Duration;

/**
 * The sequencer's rules, free of Kafka: the next seq of a channel, and whether a send was seen
 * within the dedupe window. A remembered send is stored as {@code "<seq>:<epoch ms>"}.
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

  public static String remember(long seq, long nowMs) {
    return seq + ":" + nowMs;
  }

  /** True when {@code remembered} (may be null) is a send inside the window: a retry to drop. */
  public static boolean isRetry(String remembered, long nowMs, Duration window) {
    return remembered != null && !isExpired(remembered, nowMs, window);
  }

  public static boolean isExpired(String remembered, long nowMs, Duration window) {
    long at = Long.parseLong(remembered.substring(remembered.indexOf(':') + 1));
    return nowMs - at > window.toMillis();
  }
}
