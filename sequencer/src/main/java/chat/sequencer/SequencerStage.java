package chat.sequencer;

import chat.runtime.kafka.KafkaTopics;
import chat.runtime.stage.EngineCheck;
import chat.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/** Deploys the sequencer: wait for Kafka, create its topics, run the topology. */
public final class SequencerStage {

  private SequencerStage() {}

  public static Future<String> deploy(Vertx vertx, SequencerConfig config) {
    return EngineCheck.await(vertx, "Kafka", config.kafka.bootstrapServers, config.startup.engineWaitSeconds)
        .compose(v -> KafkaTopics.ensure(vertx, config.kafka, List.of(Topics.INBOUND, Topics.MESSAGES)))
        .compose(v -> vertx.deployVerticle(new SequencerVerticle(config)));
  }
}
