package chat.api;

import chat.runtime.kafka.KafkaTopics;
import chat.runtime.stage.EngineCheck;
import chat.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Deploys the api: wait for its engines, migrate PostgreSQL, create the topic it writes, then serve. */
public final class ApiStage {

  private ApiStage() {}

  /** @return the verticle, for the port it bound */
  public static Future<ApiVerticle> deploy(Vertx vertx, ApiConfig config) {
    int wait = config.startup.engineWaitSeconds;
    ApiVerticle verticle = new ApiVerticle(config);
    return Future.all(
            EngineCheck.await(vertx, "PostgreSQL", config.postgres.host + ":" + config.postgres.port, wait),
            EngineCheck.await(vertx, "Redis", config.redis.uri, wait),
            EngineCheck.await(vertx, "Cassandra", config.cassandra.contactPoints, wait),
            EngineCheck.await(vertx, "Kafka", config.kafka.bootstrapServers, wait))
        .compose(v -> Migrations.run(vertx, config.postgres))
        .compose(v -> KafkaTopics.ensure(vertx, config.kafka, List.of(Topics.PRESENCE)))
        .compose(v -> vertx.deployVerticle(verticle))
        .map(id -> verticle);
  }
}
