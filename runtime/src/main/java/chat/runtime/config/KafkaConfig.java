package chat.runtime.config;

/** How a stage reaches Kafka. */
public class KafkaConfig {
  /** Bootstrap servers, {@code host:port[,host:port…]}. */
  public String bootstrapServers = "127.0.0.1:9092";
  /**
   * Partitions of {@code chat.inbound} and {@code chat.messages} when this stage creates them.
   * Both must stay equal and fixed: changing the count moves channels between partitions and
   * breaks per-channel order for messages in flight.
   */
  public int partitions = 6;
  /** Replication factor of topics this stage creates (1 on a single broker, 3 in production). */
  public short replicationFactor = 1;
}
