package chat.schemas.frames;

import java.util.List;

/** {@code history_page}: the answer to {@code history}, messages in seq order. */
public record HistoryPageFrame(long channel, long head, List<MessageFrame> messages) implements ServerFrame {}
