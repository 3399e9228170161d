package chat.persister;

import chat.runtime.config.CassandraConfig;
import chat.runtime.config.HttpConfig;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.StartupConfig;

/** Configuration of the persister stage ({@code CHAT_*} variables override the YAML file). */
public class PersisterConfig {
  /** Kafka, where chat.messages is read. */
  public KafkaConfig kafka = new KafkaConfig();
  /** Consumer group of the persisters. */
  public String groupId = "chat-persister";
  /** Cassandra, where history is written (keyspace and tables created at startup). */
  public CassandraConfig cassandra = new CassandraConfig();
  /** Health endpoints ({@code /healthz}, {@code /readyz}). */
  public HttpConfig http = new HttpConfig(8083);
  /** Engine wait at startup. */
  public StartupConfig startup = new StartupConfig();
}
