package chat.schemas.frames;

import java.util.UUID;

/**
 * {@code message}: a message of a channel the user is in, with its channel-local {@code seq}
 * (1, 2, 3, … without gaps). Sent to every connected device of every member, the sender's too.
 * Clients drop duplicates by {@code (channel, seq)}.
 *
 * @param sentAt when a gateway accepted it (the gateway's clock), milliseconds since the epoch (UTC); order by seq
 */
public record MessageFrame(long channel, long seq, long sender, UUID clientMsgId, String body, long sentAt)
    implements ServerFrame {}
