package chat.schemas.frames;

/** {@code typing}: I am typing in {@code channel} (ephemeral). */
public record TypingFrame(long channel) implements ClientFrame {
  public static final String TYPE = "typing";
}
