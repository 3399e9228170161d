package chat.gateway;

import chat.runtime.kafka.KafkaTopics;
import chat.runtime.stage.EngineCheck;
import chat.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Deploys a gateway: wait for Kafka, Redis, PostgreSQL and Cassandra, create the topic it writes, serve. */
public final class GatewayStage {

  private GatewayStage() {}

  /** @return the verticle, for the port it bound */
  public static Future<GatewayVerticle> deploy(Vertx vertx, GatewayConfig config) {
    int wait = config.startup.engineWaitSeconds;
    GatewayVerticle verticle = new GatewayVerticle(config);
    return Future.all(
            EngineCheck.await(vertx, "Kafka", config.kafka.bootstrapServers, wait),
            EngineCheck.await(vertx, "Redis", config.redis.uri, wait),
            EngineCheck.await(vertx, "PostgreSQL", config.postgres.host + ":" + config.postgres.port, wait),
            EngineCheck.await(vertx, "Cassandra", config.cassandra.contactPoints, wait))
        .compose(v -> KafkaTopics.ensure(vertx, config.kafka, List.of(Topics.INBOUND, Topics.PRESENCE)))
        .compose(v -> vertx.deployVerticle(verticle))
        .map(id -> verticle);
  }
}
