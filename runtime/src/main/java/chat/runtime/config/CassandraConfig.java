package chat.runtime.config;

/** How a stage reaches Cassandra. */
public class CassandraConfig {
  /** Contact points, {@code host:port[,host:port…]}. */
  public String contactPoints = "127.0.0.1:9042";
  /** The driver's local datacenter. */
  public String localDatacenter = "datacenter1";
  /** Keyspace of the history tables. */
  public String keyspace = "chat";
  /** Replication factor used when the keyspace is created (SimpleStrategy). */
  public int replicationFactor = 1;
  /**
   * Partitions one unlogged batch of writes may cover (writes are batched only with others on the
   * same replicas). Cassandra warns past its {@code unlogged_batch_across_partitions_warn_threshold},
   * 10 by default; raise both together.
   */
  public int batchPartitions = 10;
  /**
   * About how many bytes of data one batch of writes may carry. Cassandra warns past its
   * {@code batch_size_warn_threshold}, 5 KiB by default; raise both together.
   */
  public int batchBytes = 4_000;
}
