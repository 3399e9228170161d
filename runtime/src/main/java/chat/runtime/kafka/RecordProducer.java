package chat.runtime.kafka;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka producer that sends from the caller's thread, an event loop included: no hop to a
 * worker thread and back for every record (vertx-kafka-client's producer makes one).
 *
 * <p>Kafka's {@code send} blocks in two cases only: while it waits for a topic's metadata, and
 * while its buffer is full. This producer is made with {@code max.block.ms=0}
 * ({@link KafkaClients#producer}), so in both cases the send fails at once instead of stalling
 * the thread, and the caller answers "retry" (a full buffer is backpressure). {@link #warmUp}
 * fetches the topics' metadata before a stage serves, and the producer keeps it for a day of
 * idleness ({@code metadata.max.idle.ms}), so a send finds it. A send that still finds none asks
 * for it on its way out, and the retry finds it.
 *
 * <p>Results complete on the caller's context; closing (which waits for records in flight) runs on
 * a worker thread.
 */
public final class RecordProducer {

  private static final Logger log = LoggerFactory.getLogger(RecordProducer.class);
  /** Between two metadata requests of {@link #warmUp}, for its first 10 s (then 1 s). */
  private static final long WARM_UP_RETRY_MS = 100;

  private final Vertx vertx;
  private final Producer<String, String> producer;
  private volatile boolean closed;

  public RecordProducer(Vertx vertx, Producer<String, String> producer) {
    this.vertx = vertx;
    this.producer = producer;
  }

  /** Sends one record; succeeds once Kafka acknowledged it ({@code acks=all}). */
  public Future<Void> send(String topic, String key, String value) {
    Context caller = vertx.getOrCreateContext();
    Promise<Void> acknowledged = Promise.promise();
    try {
      producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> caller.runOnContext(v -> {
        if (error == null) {
          acknowledged.tryComplete();
        } else {
          acknowledged.tryFail(error);
        }
      }));
    } catch (RuntimeException e) { // closed, or a record Kafka refuses before sending
      acknowledged.tryFail(e);
    }
    return acknowledged.future();
  }

  /** {@link #warmUp(List, Duration)} with at most 10 s: how long a stage's start waits for Kafka's metadata. */
  public Future<Void> warmUp(List<String> topics) {
    return warmUp(topics, Duration.ofSeconds(10));
  }

  /**
   * Completes once the producer has the metadata of every topic, or after {@code atMost},
   * whichever comes first; never fails. Until it has them it asks again every 100 ms, then every
   * second, in the background, so a stage started while Kafka is away serves (its sends fail with
   * "retry") and sends as soon as Kafka answers. Never blocks.
   */
  public Future<Void> warmUp(List<String> topics, Duration atMost) {
    Promise<Void> ready = Promise.promise();
    long timer = vertx.setTimer(Math.max(1, atMost.toMillis()), id -> {
      if (ready.tryComplete()) {
        log.warn("no metadata of topics {} from Kafka after {} ms: serving anyway, sends fail until it answers", topics,
            atMost.toMillis());
      }
    });
    tryWarmUp(topics, System.nanoTime(), ready, timer);
    return ready.future();
  }

  private void tryWarmUp(List<String> topics, long since, Promise<Void> ready, long timer) {
    if (closed) {
      return;
    }
    RuntimeException missing = null;
    for (String topic : topics) {
      try {
        producer.partitionsFor(topic); // with max.block.ms=0: answers from the cache, or asks Kafka and throws
      } catch (RuntimeException e) {
        missing = e;
      }
    }
    if (missing == null) {
      vertx.cancelTimer(timer);
      if (!ready.tryComplete()) {
        log.info("Kafka answered with the metadata of topics {}: sends go through", topics);
      }
      return;
    }
    long waitedMs = (System.nanoTime() - since) / 1_000_000;
    vertx.setTimer(waitedMs < 10_000 ? WARM_UP_RETRY_MS : 1_000, id -> tryWarmUp(topics, since, ready, timer));
  }

  /** Sends what is buffered (waiting up to {@code timeout}) and closes. */
  public Future<Void> close(Duration timeout) {
    closed = true;
    return vertx.executeBlocking(() -> {
      producer.close(timeout);
      return null;
    });
  }

  /** {@link #close(Duration)} with 10 s for the records in flight. */
  public Future<Void> close() {
    return close(Duration.ofSeconds(10));
  }
}
