package chat.sequencer;

import chat.schemas.Json;
import chat.schemas.events.MessageSequenced;
import chat.schemas.events.MessageSubmitted;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each submitted message the next seq of its channel, exactly once: the heads and the
 * remembered sends live in state stores whose changelogs, the output and the input offsets are
 * committed in one Kafka transaction.
 *
 * <p>Deterministic: what it writes depends only on the committed state and the input records
 * (times are the gateway's acceptance stamps, never the clock's). A transaction that aborts (a
 * crash, a fenced zombie) is redone from the same state and input, so it writes the very same
 * records — which is what lets the router read {@code chat.messages} uncommitted (see the README).
 */
final class SequencerProcessor implements Processor<String, String, String, String> {

  static final String HEADS = "channel-heads";
  /**
   * Sends by acceptance time: a window store, so old entries go with whole segments as the
   * newest acceptance time moves on — no sweep over the entries, and no clock.
   */
  static final String RECENT = "recent-sends-by-time";

  private static final Logger log = LoggerFactory.getLogger(SequencerProcessor.class);

  private final Duration dedupeWindow;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, Long> heads;
  private WindowStore<String, Long> recent;

  SequencerProcessor(Duration dedupeWindow) {
    this.dedupeWindow = dedupeWindow;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.heads = context.getStateStore(HEADS);
    this.recent = context.getStateStore(RECENT);
  }

  @Override
  public void process(Record<String, String> record) {
    MessageSubmitted submitted;
    try {
      submitted = Json.decode(record.value(), MessageSubmitted.class);
    } catch (Exception e) {
      log.error("skipping undecodable record on chat.inbound with key {}: {}", record.key(), e.getMessage());
      return;
    }
    long acceptedAt = submitted.submittedAt(); // the gateway's stamp: the same every time this record is processed
    String dedupeKey = Sequencing.dedupeKey(submitted.channelId(), submitted.senderId(), submitted.clientMsgId());
    if (seenWithinWindow(dedupeKey, acceptedAt)) {
      return;
    }
    String channel = Long.toString(submitted.channelId());
    long seq = Sequencing.nextSeq(heads.get(channel));
    heads.put(channel, seq);
    recent.put(dedupeKey, seq, acceptedAt);
    context.forward(new Record<>(channel, Json.encode(MessageSequenced.of(submitted, seq)), acceptedAt));
  }

  private boolean seenWithinWindow(String dedupeKey, long acceptedAt) {
    Sequencing.Range range = Sequencing.retryRange(acceptedAt, dedupeWindow);
    try (WindowStoreIterator<Long> seen = recent.fetch(dedupeKey, range.fromMs(), range.toMs())) {
      return seen.hasNext();
    }
  }
}
