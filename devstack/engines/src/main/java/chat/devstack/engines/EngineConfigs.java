package chat.devstack.engines;

import chat.runtime.config.CassandraConfig;
import chat.runtime.config.ConfigLoader;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.PostgresConfig;
import chat.runtime.config.RedisConfig;
import java.util.Map;

/** The stages' engine configs pointing at a devstack's engines (used by the all-in-one and by tests). */
public final class EngineConfigs {

  private EngineConfigs() {}

  public static KafkaConfig kafka(Endpoints engines) {
    KafkaConfig config = new KafkaConfig();
    config.bootstrapServers = engines.kafkaBootstrap();
    // one broker and one instance of each stage on one machine: 2 partitions instead of the
    // production 6 mean fewer transaction markers, fetches and commits per message (1:1 at
    // 300 msg/s on 2 cores: p99 95 ms instead of 146 ms, A/B on fresh data folders)
    config.partitions = 2;
    return config;
  }

  public static RedisConfig redis(Endpoints engines) {
    RedisConfig config = new RedisConfig();
    config.uri = engines.redisUri();
    return config;
  }

  public static PostgresConfig postgres(Endpoints engines) {
    PostgresConfig config = new PostgresConfig();
    config.host = engines.postgresHost();
    config.port = engines.postgresPort();
    config.database = engines.postgresDatabase();
    config.user = engines.postgresUser();
    config.password = engines.postgresPassword();
    return config;
  }

  public static CassandraConfig cassandra(Endpoints engines) {
    CassandraConfig config = new CassandraConfig();
    config.contactPoints = engines.cassandraHost() + ":" + engines.cassandraPort();
    config.localDatacenter = engines.cassandraDatacenter();
    // as many as the devstack's node takes without a warning: fewer, larger write requests
    config.batchPartitions = CassandraEngine.BATCH_PARTITIONS_WARN;
    config.batchBytes = CassandraEngine.BATCH_KIB_WARN * 1024 * 4 / 5;
    return config;
  }

  /**
   * The {@code CHAT_*} variables that point a stage started in a process of its own (its
   * {@code Main}) at these engines.
   */
  public static Map<String, String> environment(Endpoints engines) {
    CassandraConfig cassandra = cassandra(engines);
    return Map.ofEntries(
        Map.entry(ConfigLoader.envName("kafka.bootstrapServers"), engines.kafkaBootstrap()),
        Map.entry(ConfigLoader.envName("redis.uri"), engines.redisUri()),
        Map.entry(ConfigLoader.envName("postgres.host"), engines.postgresHost()),
        Map.entry(ConfigLoader.envName("postgres.port"), Integer.toString(engines.postgresPort())),
        Map.entry(ConfigLoader.envName("postgres.database"), engines.postgresDatabase()),
        Map.entry(ConfigLoader.envName("postgres.user"), engines.postgresUser()),
        Map.entry(ConfigLoader.envName("postgres.password"), engines.postgresPassword()),
        Map.entry(ConfigLoader.envName("cassandra.contactPoints"), cassandra.contactPoints),
        Map.entry(ConfigLoader.envName("cassandra.localDatacenter"), cassandra.localDatacenter),
        Map.entry(ConfigLoader.envName("cassandra.batchPartitions"), Integer.toString(cassandra.batchPartitions)),
        Map.entry(ConfigLoader.envName("cassandra.batchBytes"), Integer.toString(cassandra.batchBytes)));
  }
}
