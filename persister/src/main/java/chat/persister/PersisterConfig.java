package chat.persister;

import chat.runtime.config.CassandraConfig;
import chat.runtime.config.HttpConfig;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.RedisConfig;
import chat.runtime.config.StartupConfig;

/** Configuration of the persister stage ({@code CHAT_*} variables override the YAML file). */
public class PersisterConfig {
  /** Kafka, where chat.messages is read. */
  public KafkaConfig kafka = new KafkaConfig();
  /** Consumer group of the persisters. */
  public String groupId = "chat-persister";
  /**
   * How often the offsets of the batches handled are committed, ms (0: after every batch). Under
   * load a batch is handled every few ms, and a commit after each would cost a round trip and a
   * write to Kafka each time; a crash replays at most this much, harmlessly (writes are idempotent).
   */
  public int commitIntervalMs = 200;
  /** Cassandra, where history is written (keyspace and tables created at startup). */
  public CassandraConfig cassandra = new CassandraConfig();
  /** Redis, where the newest messages of each channel are kept for the latest pages of history. */
  public RedisConfig redis = new RedisConfig();
  /**
   * How many of a channel's newest messages the Redis cache keeps (pages of up to this many are
   * served from it; larger ones from Cassandra). At least 1: readers always look there first.
   */
  public int recentMessages = 100;
  /** A channel's cached messages are dropped after this many seconds without a new message. */
  public int recentTtlSeconds = 86_400;
  /** Health endpoints ({@code /healthz}, {@code /readyz}). */
  public HttpConfig http = new HttpConfig(8083);
  /** Engine wait at startup. */
  public StartupConfig startup = new StartupConfig();
}
