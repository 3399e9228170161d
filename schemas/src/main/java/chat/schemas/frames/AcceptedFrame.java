package chat.schemas.frames;

import java.util.UUID;

/**
 * {@code accepted}: the send with this {@code client_msg_id} is durably in the log and will get a
 * {@code seq}; the {@code message} frame that carries it follows.
 */
public record AcceptedFrame(long channel, UUID clientMsgId) implements ServerFrame {}
