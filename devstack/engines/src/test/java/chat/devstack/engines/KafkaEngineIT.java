package chat.devstack.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

class KafkaEngineIT {

  private static final ConfigResource OFFSETS = new ConfigResource(ConfigResource.Type.TOPIC, "__consumer_offsets");
  private static final String OLD_DEFAULT = Integer.toString(100 * 1024 * 1024);

  @Test
  void a_kept_folder_whose_offsets_topic_has_big_segments_gets_small_ones_at_the_next_start() throws Exception {
    Path dir = Path.of("target", "kafka-engine-it-" + System.nanoTime()).toAbsolutePath();
    int port = Ports.free();
    int controllerPort = Ports.free();

    try (KafkaEngine first = KafkaEngine.start(dir, port, controllerPort); Admin admin = admin(port)) {
      admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
      // a group's first commit makes the offsets topic
      admin.alterConsumerGroupOffsets("kept-group", Map.of(new TopicPartition("kept", 0), new OffsetAndMetadata(0)))
          .all().get(60, TimeUnit.SECONDS);
      assertThat(segmentBytes(admin)).as("a new folder's offsets topic").isEqualTo(Integer.toString(KafkaEngine.COORDINATOR_SEGMENT_BYTES));

      // as a folder made before the setting existed
      Map<ConfigResource, Collection<AlterConfigOp>> old = Map.of(OFFSETS,
          List.of(new AlterConfigOp(new ConfigEntry("segment.bytes", OLD_DEFAULT), AlterConfigOp.OpType.SET)));
      admin.incrementalAlterConfigs(old).all().get(30, TimeUnit.SECONDS);
      // the broker describes its metadata image, which takes the controller's change a moment later
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(segmentBytes(admin)).isEqualTo(OLD_DEFAULT));
    }

    try (KafkaEngine again = KafkaEngine.start(dir, port, controllerPort); Admin admin = admin(port)) {
      assertThat(segmentBytes(admin)).isEqualTo(Integer.toString(KafkaEngine.COORDINATOR_SEGMENT_BYTES));
    }
  }

  private static String segmentBytes(Admin admin) throws Exception {
    return admin.describeConfigs(List.of(OFFSETS)).all().get(30, TimeUnit.SECONDS).get(OFFSETS).get("segment.bytes").value();
  }

  private static Admin admin(int port) {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port));
  }
}
