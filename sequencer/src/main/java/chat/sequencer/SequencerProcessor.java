package chat.sequencer;

import chat.schemas.Json;
import chat.schemas.events.MessageSequenced;
import chat.schemas.events.MessageSubmitted;
import java.time.Duration;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives each submitted message the next seq of its channel, exactly once: the heads and the
 * remembered sends live in state stores whose changelogs, the output and the input offsets are
 * committed in one Kafka transaction.
 *
 * <p>Deterministic: what it writes depends only on the committed state and the input records
 * (times are the gateway's acceptance stamps, never the clock's). A transaction that aborts (a crash, a
 * fenced zombie) is redone from the same state and input, so it writes the very same records —
 * which is what lets the router read {@code chat.messages} uncommitted (see the README).
 */
final class SequencerProcessor implements Processor<String, String, String, String> {

  static final String HEADS = "channel-heads";
  static final String RECENT = "recent-sends";

  private static final Logger log = LoggerFactory.getLogger(SequencerProcessor.class);

  private final Duration dedupeWindow;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, Long> heads;
  private KeyValueStore<String, String> recent;

  SequencerProcessor(Duration dedupeWindow) {
    this.dedupeWindow = dedupeWindow;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.heads = context.getStateStore(HEADS);
    this.recent = context.getStateStore(RECENT);
    context.schedule(Duration.ofMinutes(10), PunctuationType.WALL_CLOCK_TIME, this::forgetExpired);
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
    if (Sequencing.isRetry(recent.get(dedupeKey), acceptedAt, dedupeWindow)) {
      return;
    }
    String channel = Long.toString(submitted.channelId());
    long seq = Sequencing.nextSeq(heads.get(channel));
    heads.put(channel, seq);
    recent.put(dedupeKey, Sequencing.remember(seq, acceptedAt));
    context.forward(new Record<>(channel, Json.encode(MessageSequenced.of(submitted, seq, acceptedAt)), acceptedAt));
  }

  private void forgetExpired(long now) {
    try (KeyValueIterator<String, String> all = recent.all()) {
      while (all.hasNext()) {
        KeyValue<String, String> entry = all.next();
        if (Sequencing.isForgettable(entry.value, now, dedupeWindow)) {
          recent.delete(entry.key);
        }
      }
    }
  }
}
