package chat.bench.client;

/**
 * The bodies the latency scenarios send, {@code <tag><index>:<due nanos>}, and how they are found
 * again in a received frame: by looking for the {@code message} type and the tagged body in the
 * frame's text, without building a JSON tree for every one of the tens of thousands of frames a
 * second that the load generator receives (on the same cores as the system it measures).
 */
public final class TaggedBody {

  private static final String MESSAGE = "\"type\":\"message\"";

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

  /** A measured message found in a frame: its index and due time. */
  public record Found(long index, long dueNanos) {}

  /** The index and due time of a {@code message} frame whose body has this tag; null for any other frame. */
  public Found find(String frame) {
    int at = frame.indexOf(needle);
    if (at < 0 || !frame.contains(MESSAGE)) {
      return null;
    }
    int start = at + needle.length();
    int colon = frame.indexOf(':', start);
    return new Found(Long.parseLong(frame, start, colon, 10), Long.parseLong(frame, colon + 1, frame.indexOf('"', colon), 10));
  }
}
