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
  /**
   * How long a producer holds records to send them together ({@code linger.ms}): every producer's,
   * the gateways' and the sequencer's among them, so a message waits up to this much at each of its
   * two writes. Fewer, fuller requests cost the broker and the clients less: on the 2-core bench
   * box at 1,000 msg/s, 5 ms (instead of 1, and 0 for the sequencer) cut produce requests from
   * ~980/s to ~240/s and fetches from ~875/s to ~375/s, and the 1:1 p99 on a quiet host went from
   * 117–170 ms to 64–87 ms (bench/README.md). 0 sends at once.
   */
  public int lingerMs = 5;
}
