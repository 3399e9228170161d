package chat.sequencer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings an existing remembered-sends changelog to {@link SequencerTopology#RECENT_CHANGELOG}'s
 * cleanup policy. Streams applies a store's topic settings only when it creates the topic, so a
 * deployment from before the setting keeps {@code compact,delete} until this switches it. For
 * this store the two policies keep the same records (every key is a send of its own); the new
 * one spares the cleaner a rewrite of the whole day of sends. A failure is logged, not fatal.
 */
final class ChangelogPolicy {

  private static final Logger log = LoggerFactory.getLogger(ChangelogPolicy.class);

  private ChangelogPolicy() {}

  static String recentSendsChangelog(String applicationId) {
    return applicationId + "-" + SequencerProcessor.RECENT + "-changelog";
  }

  /** Blocking: call it off the event loop. */
  static void apply(String bootstrapServers, String applicationId) {
    ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, recentSendsChangelog(applicationId));
    String wanted = SequencerTopology.RECENT_CHANGELOG.get(TopicConfig.CLEANUP_POLICY_CONFIG);
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
      Config current = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic);
      String policy = current.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
      if (wanted.equals(policy)) {
        return;
      }
      Map<ConfigResource, Collection<AlterConfigOp>> change = Map.of(topic, List.of(new AlterConfigOp(
          new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, wanted), AlterConfigOp.OpType.SET)));
      admin.incrementalAlterConfigs(change).all().get(30, TimeUnit.SECONDS);
      log.info("{}: cleanup.policy {} -> {}", topic.name(), policy, wanted);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) { // a first start: Streams creates it right
        log.warn("{} keeps its cleanup policy: {}", topic.name(), e.getCause().toString());
      }
    } catch (TimeoutException e) {
      log.warn("{} keeps its cleanup policy: Kafka did not answer in 30 s", topic.name());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
