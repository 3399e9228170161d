package chat.schemas;

import java.util.List;

/**
 * The Kafka topic catalogue (DESIGN §3). Partition counts of {@link #INBOUND} and
 * {@link #MESSAGES} must be equal and never change: a channel's messages are ordered only within
 * one partition, and a new count moves channels to other partitions.
 */
public final class Topics {

  /** Sends accepted by a gateway, key = channel id, value = {@code MessageSubmitted}. */
  public static final String INBOUND = "chat.inbound";
  /** Messages with their seq, written transactionally by the sequencer, key = channel id, value = {@code MessageSequenced}. */
  public static final String MESSAGES = "chat.messages";
  /** Connections of devices opening and closing, and invisible mode, key = user id, value = {@code PresenceEvent}. */
  public static final String PRESENCE = "chat.presence";
  /** Members to notify by push, key = user id. */
  public static final String PUSH = "chat.push";

  /** Notifications the pusher gave up on, key = user id, value = {@code PushDeadLettered}. */
  public static final String PUSH_DEAD = "chat.push.dead";

  public static final List<String> ALL = List.of(INBOUND, MESSAGES, PRESENCE, PUSH, PUSH_DEAD);

  private Topics() {}
}
