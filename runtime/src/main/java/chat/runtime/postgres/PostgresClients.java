package chat.runtime.postgres;

import chat.runtime.config.PostgresConfig;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/** The non-blocking PostgreSQL pool every stage uses (JDBC only for migrations, on a worker). */
public final class PostgresClients {

  private PostgresClients() {}

  public static PgConnectOptions connectOptions(PostgresConfig config) {
    return new PgConnectOptions()
        .setHost(config.host)
        .setPort(config.port)
        .setDatabase(config.database)
        .setUser(config.user)
        .setPassword(config.password);
  }

  public static Pool pool(Vertx vertx, PostgresConfig config) {
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(config.poolSize))
        .connectingTo(connectOptions(config))
        .using(vertx)
        .build();
  }

  public static String jdbcUrl(PostgresConfig config) {
    return "jdbc:postgresql://" + config.host + ":" + config.port + "/" + config.database;
  }
}
