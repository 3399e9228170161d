package chat.schemas.events;

import java.util.UUID;

/**
 * On {@code chat.messages}, key = channel id: a message with its channel-local {@code seq}.
 * Written only by the sequencer, in Kafka transactions; read committed by history (the persister) and
 * uncommitted by live delivery (the router): a transaction redone after an abort writes identical records.
 *
 * @param sentAt when a gateway accepted it, milliseconds since the epoch (UTC): its submitted_at, a stamp
 *     from the input, so a transaction the sequencer redoes writes the same value
 * @param submittedAt when the gateway accepted it, for end-to-end latency
 */
public record MessageSequenced(long channelId, long seq, long senderId, String deviceId, UUID clientMsgId,
    String body, long sentAt, long submittedAt) {

  /** The submitted message with its seq; sent at the moment the gateway accepted it. */
  public static MessageSequenced of(MessageSubmitted submitted, long seq) {
    return new MessageSequenced(submitted.channelId(), seq, submitted.senderId(), submitted.deviceId(),
        submitted.clientMsgId(), submitted.body(), submitted.submittedAt(), submitted.submittedAt());
  }
}
