package chat.router;

import chat.runtime.config.CassandraConfig;
import chat.runtime.config.HttpConfig;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.PostgresConfig;
import chat.runtime.config.RedisConfig;
import chat.runtime.config.StartupConfig;

/** Configuration of the router stage ({@code CHAT_*} variables override the YAML file). */
public class RouterConfig {
  /** Kafka, where chat.messages is read. */
  public KafkaConfig kafka = new KafkaConfig();
  /** Consumer group of the routers. */
  public String groupId = "chat-router";
  /**
   * How often the offsets of the batches handled are committed, ms (0: after every batch). Under
   * load a batch is handled every few ms, and a commit after each would cost a round trip and a
   * write to Kafka each time; a crash replays at most this much, harmlessly (clients drop a frame they already have by (channel, seq)).
   */
  public int commitIntervalMs = 200;
  /** Redis: membership cache, connection map, gateway pub/sub. */
  public RedisConfig redis = new RedisConfig();
  /** PostgreSQL, read when the membership cache misses. */
  public PostgresConfig postgres = new PostgresConfig();
  /** Cassandra, where the read positions behind push badges are read. */
  public CassandraConfig cassandra = new CassandraConfig();
  /** Health endpoints ({@code /healthz}, {@code /readyz}). */
  public HttpConfig http = new HttpConfig(8084);
  /** Engine wait at startup. */
  public StartupConfig startup = new StartupConfig();
}
