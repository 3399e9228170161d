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

  /** Pub/sub channel a gateway listens on for deliveries to its sockets. */
  public static String gatewayInbox(String gatewayId) {
    return "gw:" + gatewayId;
  }

  /** "1" or "0": cached activity of a login session (PostgreSQL {@code sessions} is the truth). */
  public static String session(java.util.UUID sessionId) {
    return "session:" + sessionId;
  }
}
