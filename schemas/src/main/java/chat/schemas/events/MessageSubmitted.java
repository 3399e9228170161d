package chat.schemas.events;

import java.util.UUID;

/**
 * On {@code chat.inbound}, key = channel id: a send a gateway accepted, not yet ordered.
 *
 * @param submittedAt when the gateway accepted it, milliseconds since the epoch (UTC)
 */
public record MessageSubmitted(long channelId, long senderId, String deviceId, UUID clientMsgId, String body,
    long submittedAt) {}
