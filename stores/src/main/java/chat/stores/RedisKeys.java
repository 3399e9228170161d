package chat.stores;

/** Every Redis key and pub/sub channel name the stages share, in one place. */
public final class RedisKeys {

  private RedisKeys() {}

  /** Hash device id → gateway id of a user's connected devices; expires unless gateways refresh it. */
  public static String connections(long userId) {
    return "conn:" + userId;
  }

  /** Set of the member user ids of a channel: a cache of PostgreSQL, rebuilt on a miss. */
  public static String members(long channelId) {
    return "members:" + channelId;
  }

  /**
   * Sorted set seq → message (the JSON of its {@code message} frame, {@code MessageJson}): the
   * newest messages of a channel, written by the persister after Cassandra, read for the latest
   * pages of history. (Sets of the earlier form, {@code recent:{channel}} holding the stored
   * message with its device id, are no longer read or written; they expire.)
   */
  public static String recentMessages(long channelId) {
    return "recent-frames:" + channelId;
  }

  /** Pub/sub channel a gateway listens on for deliveries to its sockets. */
  public static String gatewayInbox(String gatewayId) {
    return "gw:" + gatewayId;
  }

  /** "1" or "0": cached activity of a login session (PostgreSQL {@code sessions} is the truth). */
  public static String session(java.util.UUID sessionId) {
    return "session:" + sessionId;
  }

  /** "1" or "0": whether sends to a direct channel are refused because of a block (PostgreSQL is the truth). */
  public static String directBlock(long channelId) {
    return "direct-block:" + channelId;
  }

  /** Hash of a user's presence: status, last_active_at, and what friends were last told (told_status, told_at, told_version). */
  public static String presence(long userId) {
    return "presence:" + userId;
  }

  /** Hash connection id → "gateway|device" of a user's open connections, as the presence stage saw them. */
  public static String presenceConnections(long userId) {
    return "presence:conns:" + userId;
  }

  /** Set of "user|connection|device" open on one gateway process, to end them all when it dies. */
  public static String presenceOnGateway(String gatewayInstance) {
    return "presence:gw:" + gatewayInstance;
  }

  /** Set of the gateway processes that hold connections known to presence. */
  public static final String PRESENCE_GATEWAYS = "presence:gateways";

  /** Sorted set gateway process → its last heartbeat (ms), written by the gateways themselves. */
  public static final String PRESENCE_GATEWAY_SEEN = "presence:gateway_seen";

  /** Sorted set user → when their grace period ends (ms): users whose last device left. */
  public static final String PRESENCE_OFFLINE_DUE = "presence:offline_due";

  /** Sorted set user → when friends may next be told (ms): changes held back by coalescing. */
  public static final String PRESENCE_NOTICE_DUE = "presence:notice_due";
}
