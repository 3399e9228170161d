package chat.persister;

import chat.runtime.kafka.KafkaTopics;
import chat.runtime.stage.EngineCheck;
import chat.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Deploys the persister: wait for Kafka, Cassandra and Redis, create the topic it reads, consume. */
public final class PersisterStage {

  private PersisterStage() {}

  public static Future<String> deploy(Vertx vertx, PersisterConfig config) {
    int wait = config.startup.engineWaitSeconds;
    return Future.all(
            EngineCheck.await(vertx, "Kafka", config.kafka.bootstrapServers, wait),
            EngineCheck.await(vertx, "Cassandra", config.cassandra.contactPoints, wait),
            EngineCheck.await(vertx, "Redis", config.redis.uri, wait))
        .compose(v -> KafkaTopics.ensure(vertx, config.kafka, List.of(Topics.MESSAGES)))
        .compose(v -> vertx.deployVerticle(new PersisterVerticle(config)));
  }
}
