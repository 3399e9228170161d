package chat.api;

import chat.runtime.stage.EngineCheck;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Deploys the api: wait for its engines, migrate PostgreSQL, then serve. */
public final class ApiStage {

  private ApiStage() {}

  /** @return the verticle, for the port it bound */
  public static Future<ApiVerticle> deploy(Vertx vertx, ApiConfig config) {
    int wait = config.startup.engineWaitSeconds;
    ApiVerticle verticle = new ApiVerticle(config);
    return Future.all(
            EngineCheck.await(vertx, "PostgreSQL", config.postgres.host + ":" + config.postgres.port, wait),
            EngineCheck.await(vertx, "Redis", config.redis.uri, wait),
            EngineCheck.await(vertx, "Cassandra", config.cassandra.contactPoints, wait))
        .compose(v -> Migrations.run(vertx, config.postgres))
        .compose(v -> vertx.deployVerticle(verticle))
        .map(id -> verticle);
  }
}
