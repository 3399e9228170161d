package chat.runtime.cassandra;

import chat.runtime.config.CassandraConfig;
import io.vertx.cassandra.CassandraClient;
import io.vertx.cassandra.CassandraClientOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * A Cassandra client without a default keyspace (statements name their keyspace), shared by all
 * verticles of one Vert.x instance that use the same cluster: one driver session, not one per
 * stage, when stages run together (the all-in-one).
 *
 * <p>The shared client of vertx-cassandra-client 5.0 opens its session on first use, and two
 * verticles using it for the first time at once both open one: the second fails with a bare
 * {@code IllegalStateException} (which stopped the pipeline process of {@code StageCrashIT} when
 * the persister and the router started together). So a client is handed out only once its
 * session is open, and the first uses of a cluster's client take turns under a local lock.
 */
public final class CassandraClients {

  private static final long LOCK_TIMEOUT_MS = 60_000;

  private CassandraClients() {}

  /** The shared client of this cluster, its session open (a probe query answered). */
  public static Future<CassandraClient> connect(Vertx vertx, CassandraConfig config) {
    String name = "chat-cassandra-" + config.contactPoints + "-" + config.localDatacenter;
    CassandraClient client = CassandraClient.createShared(vertx, name, options(config));
    return vertx.sharedData().getLocalLockWithTimeout(name, LOCK_TIMEOUT_MS)
        .compose(lock -> ping(client)
            .eventually(() -> {
              lock.release();
              return Future.succeededFuture();
            }))
        .transform(probed -> probed.succeeded() ? Future.succeededFuture(client)
            : client.close().transform(closed -> Future.failedFuture(probed.cause())));
  }

  /** The cheapest query a node answers: for health checks, and to open the session. */
  public static Future<Void> ping(CassandraClient client) {
    return client.execute("SELECT release_version FROM system.local").mapEmpty();
  }

  private static CassandraClientOptions options(CassandraConfig config) {
    CassandraClientOptions options = new CassandraClientOptions();
    for (String point : config.contactPoints.split(",")) {
      String[] hostPort = point.trim().split(":");
      options.addContactPoint(hostPort[0], hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 9042);
    }
    options.dataStaxClusterBuilder().withLocalDatacenter(config.localDatacenter);
    return options;
  }
}
