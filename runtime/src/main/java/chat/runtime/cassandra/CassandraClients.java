package chat.runtime.cassandra;

import chat.runtime.config.CassandraConfig;
import io.vertx.cassandra.CassandraClient;
import io.vertx.cassandra.CassandraClientOptions;
import io.vertx.core.Vertx;

/**
 * A Cassandra client without a default keyspace (statements name their keyspace), shared by all
 * verticles of one Vert.x instance that use the same cluster: one driver session, not one per
 * stage, when stages run together (the all-in-one).
 */
public final class CassandraClients {

  private CassandraClients() {}

  public static CassandraClient create(Vertx vertx, CassandraConfig config) {
    CassandraClientOptions options = new CassandraClientOptions();
    for (String point : config.contactPoints.split(",")) {
      String[] hostPort = point.trim().split(":");
      options.addContactPoint(hostPort[0], hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 9042);
    }
    options.dataStaxClusterBuilder().withLocalDatacenter(config.localDatacenter);
    return CassandraClient.createShared(vertx, "chat-cassandra-" + config.contactPoints + "-" + config.localDatacenter, options);
  }
}
