package chat.schemas.frames;

/** {@code user_typing}: {@code user} is typing in {@code channel}. */
public record UserTypingFrame(long channel, long user) implements ServerFrame {}
