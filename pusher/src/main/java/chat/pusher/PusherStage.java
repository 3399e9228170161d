package chat.pusher;

import chat.runtime.kafka.KafkaTopics;
import chat.runtime.stage.EngineCheck;
import chat.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Deploys the pusher: wait for Kafka, Redis and PostgreSQL, create its topics, consume. */
public final class PusherStage {

  private PusherStage() {}

  public static Future<String> deploy(Vertx vertx, PusherConfig config) {
    int wait = config.startup.engineWaitSeconds;
    return Future.all(
            EngineCheck.await(vertx, "Kafka", config.kafka.bootstrapServers, wait),
            EngineCheck.await(vertx, "Redis", config.redis.uri, wait),
            EngineCheck.await(vertx, "PostgreSQL", config.postgres.host + ":" + config.postgres.port, wait))
        .compose(v -> KafkaTopics.ensure(vertx, config.kafka, List.of(Topics.PUSH, Topics.PUSH_DEAD)))
        .compose(v -> vertx.deployVerticle(new PusherVerticle(config)));
  }
}
