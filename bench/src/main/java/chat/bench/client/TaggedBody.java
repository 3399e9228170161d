package chat.bench.client;

/**
 * The bodies the latency scenarios send, {@code <tag><index>:<due nanos>}, and how they are found
 * again in a received frame: by looking for the {@code message} type and the tagged body in the
 * frame's text, without building a JSON tree for every one of the tens of thousands of frames a
 * second that the load generator receives (on the same cores as the system it measures).
 */
public final class TaggedBody {

  private static final String MESSAGE = "\"type\":\"message\"";
  private static final String SENT_AT = "\"sent_at\":";

  private final String tag;
  private final String needle;

  /** {@code tag}: letters, digits, {@code -} and {@code :} only (nothing JSON would escape). */
  public TaggedBody(String tag) {
    if (!tag.matches("[A-Za-z0-9:-]+")) {
      throw new IllegalArgumentException("tag: letters, digits, - and : only");
    }
    this.tag = tag;
    this.needle = "\"body\":\"" + tag;
  }

  /** A body for message {@code index}, due at {@code dueNanos}. */
  public String body(long index, long dueNanos) {
    return tag + index + ":" + dueNanos;
  }

  /**
   * A measured message found in a frame: its index, due time, and the time the sequencer gave it
   * its seq ({@code sent_at}, epoch ms of the sequencer's clock; -1 if the frame has none).
   */
  public record Found(long index, long dueNanos, long sentAtMillis) {}

  /** The index, due time and {@code sent_at} of a {@code message} frame whose body has this tag; null for any other frame. */
  public Found find(String frame) {
    int at = frame.indexOf(needle);
    if (at < 0 || !frame.contains(MESSAGE)) {
      return null;
    }
    int start = at + needle.length();
    int colon = frame.indexOf(':', start);
    return new Found(Long.parseLong(frame, start, colon, 10), Long.parseLong(frame, colon + 1, frame.indexOf('"', colon), 10),
        sentAt(frame));
  }

  private static long sentAt(String frame) {
    int at = frame.indexOf(SENT_AT);
    if (at < 0) {
      return -1;
    }
    int start = at + SENT_AT.length();
    int end = start;
    while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
      end++;
    }
    return end == start ? -1 : Long.parseLong(frame, start, end, 10);
  }
}
