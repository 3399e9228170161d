package chat.router;

import chat.runtime.kafka.KafkaTopics;
import chat.runtime.stage.EngineCheck;
import chat.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Deploys the router: wait for its engines, create the topics it reads and writes, consume. */
public final class RouterStage {

  private RouterStage() {}

  public static Future<String> deploy(Vertx vertx, RouterConfig config) {
    int wait = config.startup.engineWaitSeconds;
    return Future.all(
            EngineCheck.await(vertx, "Kafka", config.kafka.bootstrapServers, wait),
            EngineCheck.await(vertx, "Redis", config.redis.uri, wait),
            EngineCheck.await(vertx, "PostgreSQL", config.postgres.host + ":" + config.postgres.port, wait),
            EngineCheck.await(vertx, "Cassandra", config.cassandra.contactPoints, wait))
        .compose(v -> KafkaTopics.ensure(vertx, config.kafka, List.of(Topics.MESSAGES, Topics.PUSH)))
        .compose(v -> vertx.deployVerticle(new RouterVerticle(config)));
  }
}
