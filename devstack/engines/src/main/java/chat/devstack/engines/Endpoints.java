package chat.devstack.engines;

/**
 * Where the started engines listen. A field is null (or 0) when its engine was not started.
 *
 * @param kafkaBootstrap Kafka bootstrap servers, {@code host:port}
 * @param cassandraHost Cassandra CQL host
 * @param cassandraPort Cassandra CQL port
 * @param cassandraDatacenter the local datacenter name the driver needs
 * @param redisUri Redis connection string, {@code redis://host:port}
 * @param postgresHost PostgreSQL host
 * @param postgresPort PostgreSQL port
 * @param postgresDatabase PostgreSQL database
 * @param postgresUser PostgreSQL user
 * @param postgresPassword PostgreSQL password
 */
public record Endpoints(
    String kafkaBootstrap,
    String cassandraHost,
    int cassandraPort,
    String cassandraDatacenter,
    String redisUri,
    String postgresHost,
    int postgresPort,
    String postgresDatabase,
    String postgresUser,
    String postgresPassword) {

  /** Mutable collector used while engines report their addresses. */
  public static final class Builder {
    String kafkaBootstrap;
    String cassandraHost;
    int cassandraPort;
    String cassandraDatacenter;
    String redisUri;
    String postgresHost;
    int postgresPort;
    String postgresDatabase;
    String postgresUser;
    String postgresPassword;

    Endpoints build() {
      return new Endpoints(kafkaBootstrap, cassandraHost, cassandraPort, cassandraDatacenter, redisUri,
          postgresHost, postgresPort, postgresDatabase, postgresUser, postgresPassword);
    }
  }
}
