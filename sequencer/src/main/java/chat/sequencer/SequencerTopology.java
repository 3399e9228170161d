package chat.sequencer;

import chat.schemas.Topics;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/** chat.inbound → {@link SequencerProcessor} → chat.messages, keyed by channel throughout. */
public final class SequencerTopology {

  /**
   * The remembered sends' changelog is deleted by age only. Streams makes a window store's
   * changelog {@code compact,delete}, but every key here is a send of its own (channel, sender,
   * client id, acceptance time): compaction would find nothing to drop and still read and
   * rewrite the whole day of sends each time it ran.
   */
  static final Map<String, String> RECENT_CHANGELOG = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);

  private SequencerTopology() {}

  public static Topology build(Duration dedupeWindow) {
    StreamsBuilder builder = new StreamsBuilder();
    // cached: a channel's head reaches RocksDB and the changelog once per commit, not once per message
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SequencerProcessor.HEADS), Serdes.String(), Serdes.Long())
        .withCachingEnabled());
    // a point per send (window size 1 ms), kept for the dedupe window and the margin
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(SequencerProcessor.RECENT, Sequencing.retention(dedupeWindow), Duration.ofMillis(1), false),
        Serdes.String(), Serdes.Long())
        .withLoggingEnabled(RECENT_CHANGELOG));
    builder.stream(Topics.INBOUND, Consumed.with(Serdes.String(), Serdes.String()))
        .process(() -> new SequencerProcessor(dedupeWindow), SequencerProcessor.HEADS, SequencerProcessor.RECENT)
        .to(Topics.MESSAGES, Produced.with(Serdes.String(), Serdes.String()));
    return builder.build();
  }
}
