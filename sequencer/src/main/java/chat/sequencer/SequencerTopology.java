package chat.sequencer;

import chat.schemas.Topics;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/** chat.inbound → {@link SequencerProcessor} → chat.messages, keyed by channel throughout. */
public final class SequencerTopology {

  private SequencerTopology() {}

  public static Topology build(Duration dedupeWindow) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SequencerProcessor.HEADS), Serdes.String(), Serdes.Long()));
    // a point per send (window size 1 ms), kept for the dedupe window and the margin
    builder.addStateStore(Stores.windowStoreBuilder(
        Stores.persistentWindowStore(SequencerProcessor.RECENT, Sequencing.retention(dedupeWindow), Duration.ofMillis(1), false),
        Serdes.String(), Serdes.Long()));
    builder.stream(Topics.INBOUND, Consumed.with(Serdes.String(), Serdes.String()))
        .process(() -> new SequencerProcessor(dedupeWindow), SequencerProcessor.HEADS, SequencerProcessor.RECENT)
        .to(Topics.MESSAGES, Produced.with(Serdes.String(), Serdes.String()));
    return builder.build();
  }
}
