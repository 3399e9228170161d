package chat.schemas.frames;

/** {@code receipt}: {@code user} has read {@code channel} up to {@code seq}. */
public record ReceiptFrame(long channel, long user, long seq) implements ServerFrame {}
