package chat.persister;

import chat.runtime.cassandra.CassandraClients;
import chat.runtime.http.Health;
import chat.runtime.kafka.BatchConsumer;
import chat.runtime.kafka.JsonRecords;
import chat.runtime.kafka.KafkaClients;
import chat.runtime.redis.RedisClients;
import chat.schemas.Topics;
import chat.schemas.events.MessageSequenced;
import chat.stores.history.HistoryReader;
import chat.stores.history.HistorySchema;
import chat.stores.history.HistoryWriter;
import chat.stores.history.RecentMessages;
import chat.stores.history.StoredMessage;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.List;

/**
 * chat.messages → Cassandra history, then the Redis cache of each channel's newest messages;
 * offsets committed only after both succeeded (a retried batch rewrites both, harmlessly).
 */
public final class PersisterVerticle extends VerticleBase {

  private final PersisterConfig config;
  private CassandraClient cassandra;
  private Redis redis;
  private BatchConsumer consumer;
  private HistoryWriter writer;
  private HistoryReader reader;
  private RecentMessages recent;

  public PersisterVerticle(PersisterConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    redis = RedisClients.commands(vertx, config.redis);
    recent = new RecentMessages(redis, config.recentMessages, config.recentTtlSeconds);
    Router router = Router.router(vertx);
    new Health()
        .check("cassandra", () -> CassandraClients.ping(cassandra))
        .check("redis", () -> redis.send(Request.cmd(Command.PING)))
        .mount(router);
    return CassandraClients.connect(vertx, config.cassandra)
        .onSuccess(client -> cassandra = client)
        .compose(client -> HistorySchema.ensure(client, config.cassandra))
        .compose(v -> {
          writer = new HistoryWriter(cassandra, config.cassandra);
          reader = new HistoryReader(cassandra, config.cassandra);
          consumer = new BatchConsumer(vertx, KafkaClients.consumer(vertx, config.kafka, config.groupId, "persister"),
              "persister", batch -> persist(JsonRecords.decodeAll(batch, MessageSequenced.class)),
              Duration.ofMillis(config.commitIntervalMs));
          return consumer.start(Topics.MESSAGES);
        })
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host));
  }

  /**
   * History first, the cache after, so the cache never shows a message history lacks. A channel
   * whose cache had expired is refilled from history (which already holds this batch).
   */
  private Future<Void> persist(List<MessageSequenced> messages) {
    return writer.write(messages)
        .compose(v -> recent.add(messages.stream().map(StoredMessage::of).toList()))
        .compose(cold -> Future.all(cold.stream()
            .map(channel -> reader.latest(channel, config.recentMessages).compose(newest -> recent.fill(channel, newest)))
            .toList()))
        .mapEmpty();
  }

  @Override
  public Future<?> stop() {
    Future<Void> consumed = consumer == null ? Future.succeededFuture() : consumer.stop();
    return consumed.eventually(() -> Future.join(cassandra.close(), redis.close()));
  }
}
