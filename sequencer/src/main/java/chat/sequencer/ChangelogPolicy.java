package chat.sequencer;

import chat.runtime.kafka.KafkaTopics;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
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
    String topic = recentSendsChangelog(applicationId);
    try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", bootstrapServers))) {
      // false on a first start: Streams makes the topic with the setting
      KafkaTopics.setIfExists(admin, topic, TopicConfig.CLEANUP_POLICY_CONFIG,
          SequencerTopology.RECENT_CHANGELOG.get(TopicConfig.CLEANUP_POLICY_CONFIG));
    } catch (ExecutionException | TimeoutException e) {
      log.warn("{} keeps its cleanup policy: {}", topic, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
