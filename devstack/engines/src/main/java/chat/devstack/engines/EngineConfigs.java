package chat.devstack.engines;

import chat.runtime.config.CassandraConfig;
import chat.runtime.config.ConfigLoader;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.PostgresConfig;
import chat.runtime.config.RedisConfig;

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
    return config;
  }

  /**
   * The {@code CHAT_*} variables that point a stage started in a process of its own (its
   * {@code Main}) at these engines.
   */
  public static java.util.Map<String, String> environment(Endpoints engines) {
    return java.util.Map.of(
        ConfigLoader.envName("kafka.bootstrapServers"), engines.kafkaBootstrap(),
        ConfigLoader.envName("redis.uri"), engines.redisUri(),
        ConfigLoader.envName("postgres.host"), engines.postgresHost(),
        ConfigLoader.envName("postgres.port"), Integer.toString(engines.postgresPort()),
        ConfigLoader.envName("postgres.database"), engines.postgresDatabase(),
        ConfigLoader.envName("postgres.user"), engines.postgresUser(),
        ConfigLoader.envName("postgres.password"), engines.postgresPassword(),
        ConfigLoader.envName("cassandra.contactPoints"), engines.cassandraHost() + ":" + engines.cassandraPort(),
        ConfigLoader.envName("cassandra.localDatacenter"), engines.cassandraDatacenter());
  }
}
