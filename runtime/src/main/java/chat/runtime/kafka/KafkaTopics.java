package chat.runtime.kafka;

import chat.runtime.config.KafkaConfig;
import chat.schemas.Topics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the catalogue's topics if they are missing. Every stage calls it at startup for the
 * topics it touches; concurrent creation by several stages is harmless.
 */
public final class KafkaTopics {

  private KafkaTopics() {}

  public static Future<Void> ensure(Vertx vertx, KafkaConfig config, List<String> topics) {
    return vertx.executeBlocking(() -> {
      try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", config.bootstrapServers))) {
        List<NewTopic> wanted = topics.stream()
            .map(topic -> new NewTopic(topic, partitions(config, topic), config.replicationFactor))
            .toList();
        for (var result : admin.createTopics(wanted).values().values()) {
          try {
            result.get(30, TimeUnit.SECONDS);
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
              throw e;
            }
          }
        }
      }
      return null;
    }, false);
  }

  /** {@code chat.inbound} and {@code chat.messages} share one count; the others too, for simplicity. */
  private static int partitions(KafkaConfig config, String topic) {
    return Topics.ALL.contains(topic) ? config.partitions : 1;
  }
}
