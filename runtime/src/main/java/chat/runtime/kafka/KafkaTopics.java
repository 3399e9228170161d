package chat.runtime.kafka;

import chat.runtime.config.KafkaConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates the catalogue's topics if they are missing, all with {@code kafka.partitions}
 * partitions (so chat.inbound and chat.messages always match). Every stage calls it at startup
 * for the topics it touches; concurrent creation by several stages is harmless.
 */
public final class KafkaTopics {

  private KafkaTopics() {}

  /**
   * Sets one setting of an existing topic (blocking: off the event loop). False when the topic
   * does not exist yet: whoever makes it gives it its settings.
   */
  public static boolean setIfExists(Admin admin, String topic, String key, String value)
      throws ExecutionException, InterruptedException, TimeoutException {
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    try {
      admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET))))
          .all().get(30, TimeUnit.SECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return false;
      }
      throw e;
    }
  }

  public static Future<Void> ensure(Vertx vertx, KafkaConfig config, List<String> topics) {
    return vertx.executeBlocking(() -> {
      try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", config.bootstrapServers))) {
        List<NewTopic> wanted = topics.stream()
            .map(topic -> new NewTopic(topic, config.partitions, config.replicationFactor))
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
}
