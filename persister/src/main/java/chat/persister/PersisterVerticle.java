package chat.persister;

import chat.runtime.cassandra.CassandraClients;
import chat.runtime.http.Health;
import chat.runtime.kafka.BatchConsumer;
import chat.runtime.kafka.JsonRecords;
import chat.runtime.kafka.KafkaClients;
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

/** chat.messages → Cassandra history; offsets committed only after the writes succeeded. */
public final class PersisterVerticle extends VerticleBase {

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
              "persister", batch -> writer.write(JsonRecords.decodeAll(batch, MessageSequenced.class)));
          return consumer.start(Topics.MESSAGES);
        })
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host));
  }

  @Override
  public Future<?> stop() {
    return consumer == null ? cassandra.close() : consumer.stop().eventually(() -> cassandra.close());
  }
}
