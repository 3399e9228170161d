package chat.stores.history;

import java.util.UUID;

/** A message as history holds it. */
public record StoredMessage(long channelId, long seq, long senderId, String deviceId, UUID clientMsgId, String body,
    long sentAt) {}
