package chat.api;

import chat.runtime.config.PostgresConfig;
import chat.runtime.postgres.PostgresClients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.flywaydb.core.Flyway;

/** Applies the versioned migrations of {@code db/migration} (Flyway, JDBC, on a worker thread). */
public final class Migrations {

  private Migrations() {}

  public static Future<Void> run(Vertx vertx, PostgresConfig config) {
    return vertx.executeBlocking(() -> {
      Flyway.configure()
          .dataSource(PostgresClients.jdbcUrl(config), config.user, config.password)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      return null;
    }, false);
  }
}
