package chat.stores.history;

import chat.schemas.events.MessageSequenced;
import chat.schemas.frames.MessageFrame;
import java.util.UUID;

/** A message as history holds it. */
public record StoredMessage(long channelId, long seq, long senderId, String deviceId, UUID clientMsgId, String body,
    long sentAt) {

  public static StoredMessage of(MessageSequenced message) {
    return new StoredMessage(message.channelId(), message.seq(), message.senderId(), message.deviceId(),
        message.clientMsgId(), message.body(), message.sentAt());
  }

  /** The message as clients read it: its {@code message} frame (no device id). */
  public MessageFrame frame() {
    return new MessageFrame(channelId, seq, senderId, clientMsgId, body, sentAt);
  }
}
