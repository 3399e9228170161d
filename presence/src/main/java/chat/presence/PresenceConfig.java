package chat.presence;

import chat.runtime.config.HttpConfig;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.PostgresConfig;
import chat.runtime.config.RedisConfig;
import chat.runtime.config.StartupConfig;

/** Configuration of the presence stage ({@code CHAT_*} variables override the YAML file). */
public class PresenceConfig {
  /** Kafka, where chat.presence is read. */
  public KafkaConfig kafka = new KafkaConfig();
  /** Consumer group of the presence instances. */
  public String groupId = "chat-presence";
  /** Redis: presence state, gateway heartbeats, connection map and gateway pub/sub for the fan-out. */
  public RedisConfig redis = new RedisConfig();
  /** PostgreSQL: friendships and invisible mode. */
  public PostgresConfig postgres = new PostgresConfig();
  /** Health endpoints ({@code /healthz}, {@code /readyz}). */
  public HttpConfig http = new HttpConfig(8085);
  /**
   * How long a user whose last device left stays online in case it comes back, ms: a reconnect
   * inside this period is no transition at all.
   */
  public long graceMillis = 5_000;
  /**
   * A gateway process whose heartbeat is older than this is dead and its connections end, ms.
   * Well above the gateways' {@code heartbeatSeconds}; the same N as their {@code idleTimeoutSeconds}.
   */
  public long gatewayTimeoutMillis = 30_000;
  /** Friends are told of one user's changes at most once per this window, ms (the latest state wins). */
  public long coalesceMillis = 3_000;
  /** How often grace periods and held-back changes that are due are looked for, ms. */
  public long tickMillis = 250;
  /** How often dead gateways are looked for, ms. */
  public long sweepMillis = 1_000;
  /** Engine wait at startup. */
  public StartupConfig startup = new StartupConfig();
}
