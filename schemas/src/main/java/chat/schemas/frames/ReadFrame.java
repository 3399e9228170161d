package chat.schemas.frames;

/** {@code read}: I have read {@code channel} up to {@code seq}. */
public record ReadFrame(long channel, long seq) implements ClientFrame {
  public static final String TYPE = "read";
}
