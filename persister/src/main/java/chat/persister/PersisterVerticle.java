package chat.persister;

import chat.runtime.cassandra.CassandraClients;
import chat.runtime.http.Health;
import chat.runtime.kafka.BatchConsumer;
import chat.runtime.kafka.KafkaClients;
import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.MessageSequenced;
import chat.stores.history.HistorySchema;
import chat.stores.history.HistoryWriter;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** chat.messages → Cassandra history; offsets committed only after the writes succeeded. */
public final class PersisterVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(PersisterVerticle.class);

  private final PersisterConfig config;
  private CassandraClient cassandra;
  private BatchConsumer consumer;

  public PersisterVerticle(PersisterConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    cassandra = CassandraClients.create(vertx, config.cassandra);
    Router router = Router.router(vertx);
    new Health().check("cassandra", () -> cassandra.execute("SELECT release_version FROM system.local")).mount(router);
    return HistorySchema.ensure(cassandra, config.cassandra)
        .compose(v -> {
          HistoryWriter writer = new HistoryWriter(cassandra, config.cassandra);
          consumer = new BatchConsumer(vertx, KafkaClients.consumer(vertx, config.kafka, config.groupId, "persister"),
              "persister", batch -> writer.write(decode(batch)));
          return consumer.start(Topics.MESSAGES);
        })
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host));
  }

  private static List<MessageSequenced> decode(List<KafkaConsumerRecord<String, String>> batch) {
    List<MessageSequenced> messages = new ArrayList<>(batch.size());
    for (KafkaConsumerRecord<String, String> record : batch) {
      try {
        messages.add(Json.decode(record.value(), MessageSequenced.class));
      } catch (Exception e) {
        log.error("skipping undecodable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(), e.getMessage());
      }
    }
    return messages;
  }

  @Override
  public Future<?> stop() {
    return consumer == null ? cassandra.close() : consumer.stop().eventually(() -> cassandra.close());
  }
}
