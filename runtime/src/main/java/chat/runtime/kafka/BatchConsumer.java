package chat.runtime.kafka;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.common.TopicPartition;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.kafka.client.consumer.KafkaConsumerRecords;
import io.vertx.kafka.client.consumer.OffsetAndMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer-stage skeleton: poll a batch, hand it to the stage, commit its offsets only after
 * the stage's effect succeeded, then poll again. Nothing is fetched while a batch is in work, so a
 * slow downstream (Cassandra, Redis) slows the stage instead of filling memory. A failed batch is
 * retried from its first offsets after a growing pause: effects must be idempotent.
 *
 * <p>Offsets are committed after every batch by default. A stage on the message path may instead
 * commit every {@code commitEvery}: the offsets of the batches that succeeded meanwhile, in one
 * request that the next poll does not wait for. Under load a stage then handles a batch every
 * few milliseconds without a commit round trip (and a write to {@code __consumer_offsets}) after
 * each; a crash replays at most {@code commitEvery} of batches, which idempotent effects absorb.
 */
public final class BatchConsumer {

  private static final Logger log = LoggerFactory.getLogger(BatchConsumer.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final long MAX_BACKOFF_MS = 5_000;

  private final Vertx vertx;
  private final KafkaConsumer<String, String> consumer;
  private final String name;
  private final Function<List<KafkaConsumerRecord<String, String>>, Future<Void>> handler;
  private final long commitEveryMs;
  private volatile boolean running;
  private long backoffMs = 100;
  private Promise<Void> stopped;
  /** Offsets of batches that succeeded and are not committed yet (only when commits are spaced). */
  private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
  private Future<Void> committing = Future.succeededFuture();
  private long committer = -1;

  /** Commits after every batch. */
  public BatchConsumer(Vertx vertx, KafkaConsumer<String, String> consumer, String name,
      Function<List<KafkaConsumerRecord<String, String>>, Future<Void>> handler) {
    this(vertx, consumer, name, handler, Duration.ZERO);
  }

  /** Commits the batches that succeeded every {@code commitEvery} ({@link Duration#ZERO}: after every batch). */
  public BatchConsumer(Vertx vertx, KafkaConsumer<String, String> consumer, String name,
      Function<List<KafkaConsumerRecord<String, String>>, Future<Void>> handler, Duration commitEvery) {
    this.vertx = vertx;
    this.consumer = consumer;
    this.name = name;
    this.handler = handler;
    this.commitEveryMs = commitEvery.toMillis();
  }

  public Future<Void> start(String topic) {
    running = true;
    if (commitEveryMs > 0) {
      committer = vertx.setPeriodic(commitEveryMs, id -> commitUncommitted());
    }
    return consumer.subscribe(topic).onSuccess(v -> loop());
  }

  /** Stops after the batch in work (if any) and closes the consumer. */
  public Future<Void> stop() {
    running = false;
    stopped = Promise.promise();
    vertx.setTimer(POLL.toMillis() * 3, id -> stopped.tryComplete());
    if (committer >= 0) {
      vertx.cancelTimer(committer);
    }
    return stopped.future()
        .compose(v -> committing.transform(ar -> commitUncommitted()))
        .eventually(consumer::close);
  }

  /** Commits what succeeded since the last commit, unless a commit is still on its way. */
  private Future<Void> commitUncommitted() {
    if (uncommitted.isEmpty() || !committing.isComplete()) {
      return committing;
    }
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(uncommitted);
    uncommitted.clear();
    // a failed commit is not retried: the next batch's offsets supersede it, and a partition that
    // moved to another instance meanwhile is not ours to commit (its new owner replays a little)
    committing = consumer.commit(offsets).<Void>mapEmpty()
        .onFailure(e -> log.warn("{}: committing offsets failed: {}", name, e.toString()))
        .otherwiseEmpty();
    return committing;
  }

  private void loop() {
    if (!running) {
      if (stopped != null) {
        stopped.tryComplete();
      }
      return;
    }
    consumer.poll(POLL)
        .compose(this::process)
        .onSuccess(v -> {
          backoffMs = 100;
          loop();
        })
        .onFailure(error -> {
          log.warn("{}: batch failed, retrying in {} ms: {}", name, backoffMs, error.toString());
          long delay = backoffMs;
          backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
          vertx.setTimer(delay, id -> loop());
        });
  }

  private Future<Void> process(KafkaConsumerRecords<String, String> records) {
    if (records.isEmpty()) {
      return Future.succeededFuture();
    }
    List<KafkaConsumerRecord<String, String>> batch = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      batch.add(records.recordAt(i));
    }
    Future<Void> effect;
    try {
      effect = handler.apply(batch);
    } catch (RuntimeException e) {
      effect = Future.failedFuture(e);
    }
    return effect
        .compose(v -> commitEveryMs > 0 ? remember(nextOffsets(batch)) : consumer.commit(nextOffsets(batch)).<Void>mapEmpty())
        .recover(error -> rewind(batch).compose(v -> Future.failedFuture(error)));
  }

  private Future<Void> remember(Map<TopicPartition, OffsetAndMetadata> offsets) {
    uncommitted.putAll(offsets);
    return Future.succeededFuture();
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<KafkaConsumerRecord<String, String>> batch) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (KafkaConsumerRecord<String, String> record : batch) {
      offsets.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1, null));
    }
    return offsets;
  }

  /** Moves each partition of a failed batch back to its first record, so the next poll retries it. */
  private Future<Void> rewind(List<KafkaConsumerRecord<String, String>> batch) {
    Map<TopicPartition, Long> first = new HashMap<>();
    for (KafkaConsumerRecord<String, String> record : batch) {
      first.merge(new TopicPartition(record.topic(), record.partition()), record.offset(), Math::min);
    }
    List<Future<Void>> seeks = first.entrySet().stream().map(e -> consumer.seek(e.getKey(), e.getValue())).toList();
    return Future.all(seeks).mapEmpty();
  }
}
