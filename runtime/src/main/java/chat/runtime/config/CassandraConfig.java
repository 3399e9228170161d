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
}
