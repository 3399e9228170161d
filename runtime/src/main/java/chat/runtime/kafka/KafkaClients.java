package chat.runtime.kafka;

import chat.runtime.config.KafkaConfig;
import io.vertx.core.Vertx;
import io.vertx.kafka.client.consumer.KafkaConsumer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;

/** Kafka clients with the settings every stage relies on. */
public final class KafkaClients {

  private KafkaClients() {}

  /**
   * A producer that never loses or duplicates an acknowledged record: {@code acks=all},
   * idempotence on; records wait up to {@link KafkaConfig#lingerMs} to share a request. It never
   * blocks its caller ({@code max.block.ms=0}, see {@link RecordProducer}) and keeps the metadata of
   * the topics it wrote to for a day of idleness.
   */
  public static RecordProducer producer(Vertx vertx, KafkaConfig config, String clientId) {
    Map<String, Object> props = new HashMap<>(base(config, clientId));
    props.put("acks", "all");
    props.put("enable.idempotence", "true");
    props.put("max.in.flight.requests.per.connection", "5");
    props.put("linger.ms", Integer.toString(config.lingerMs));
    props.put("delivery.timeout.ms", "30000");
    props.put("request.timeout.ms", "10000");
    props.put("key.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    props.put("value.serializer", "org.apache.kafka.common.serialization.StringSerializer");
    props.put("max.block.ms", "0");
    props.put("metadata.max.idle.ms", Long.toString(Duration.ofDays(1).toMillis()));
    return new RecordProducer(vertx, new KafkaProducer<>(props));
  }

  /** Which records of a transactional producer a consumer sees. */
  public enum Isolation {
    /** Only records of committed transactions, once their commit marker is written (the default). */
    READ_COMMITTED("read_committed"),
    /**
     * Every record as soon as it is in the log, aborted transactions' too. Only for a consumer
     * whose effect is idempotent and best-effort and whose producer redoes an aborted transaction
     * with identical records (the router over the sequencer's output).
     */
    READ_UNCOMMITTED("read_uncommitted");

    private final String property;

    Isolation(String property) {
      this.property = property;
    }
  }

  /**
   * A consumer for at-least-once stages: offsets committed by the stage after its effect
   * succeeded, only committed transactions visible, a new group starts at the beginning.
   */
  public static KafkaConsumer<String, String> consumer(Vertx vertx, KafkaConfig config, String groupId, String clientId) {
    return consumer(vertx, config, groupId, clientId, Isolation.READ_COMMITTED);
  }

  /** As {@link #consumer(Vertx, KafkaConfig, String, String)}, seeing the records {@code isolation} admits. */
  public static KafkaConsumer<String, String> consumer(Vertx vertx, KafkaConfig config, String groupId, String clientId,
      Isolation isolation) {
    Map<String, String> props = base(config, clientId);
    props.put("group.id", groupId);
    props.put("enable.auto.commit", "false");
    props.put("isolation.level", isolation.property);
    props.put("auto.offset.reset", "earliest");
    props.put("max.poll.records", "500");
    // how long the broker holds a fetch that finds nothing new: a record's arrival answers it at
    // once whatever this is, so it only sets how often an idle consumer asks again. At 50 ms the
    // stages' four consumers made ~80 empty fetches a second, 0.10 of a core in an idle broker
    props.put("fetch.max.wait.ms", "500");
    // a crashed instance's partitions move after 10 s instead of the default 45 s
    props.put("session.timeout.ms", "10000");
    props.put("heartbeat.interval.ms", "3000");
    props.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    props.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
    return KafkaConsumer.create(vertx, props);
  }

  public static Map<String, String> base(KafkaConfig config, String clientId) {
    Map<String, String> props = new HashMap<>();
    props.put("bootstrap.servers", config.bootstrapServers);
    props.put("client.id", clientId);
    return props;
  }
}
