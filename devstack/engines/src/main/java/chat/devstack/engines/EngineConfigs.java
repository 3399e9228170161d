package chat.devstack.engines;

import chat.runtime.config.CassandraConfig;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.PostgresConfig;
import chat.runtime.config.RedisConfig;

/** The stages' engine configs pointing at a devstack's engines (used by the all-in-one and by tests). */
public final class EngineConfigs {

  private EngineConfigs() {}

  public static KafkaConfig kafka(Endpoints engines) {
    KafkaConfig config = new KafkaConfig();
    config.bootstrapServers = engines.kafkaBootstrap();
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
}
