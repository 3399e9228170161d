package chat.router;

import chat.runtime.cassandra.CassandraClients;
import chat.runtime.http.Health;
import chat.runtime.kafka.BatchConsumer;
import chat.runtime.kafka.JsonRecords;
import chat.runtime.kafka.KafkaClients;
import chat.runtime.kafka.KafkaClients.Isolation;
import chat.runtime.kafka.RecordProducer;
import chat.runtime.postgres.PostgresClients;
import chat.runtime.redis.RedisClients;
import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.MessageSequenced;
import chat.schemas.frames.MessageFrame;
import chat.stores.delivery.ChannelFrame;
import chat.stores.delivery.Fanout;
import chat.stores.history.ReadPositions;
import chat.stores.connections.Connections;
import chat.stores.membership.Memberships;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * chat.messages → {@code message} frames → {@link Fanout} (members and their gateways in one Redis
 * round trip each per batch, one pub/sub message per gateway). Offsets are committed after the
 * publishes.
 */
public final class RouterVerticle extends VerticleBase {

  private final RouterConfig config;
  private Redis redis;
  private Pool postgres;
  private Fanout fanout;
  private CassandraClient cassandra;
  private ReadPositions readPositions;
  private RecordProducer producer;
  private BatchConsumer consumer;

  public RouterVerticle(RouterConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    return CassandraClients.connect(vertx, config.cassandra).compose(client -> {
      cassandra = client;
      return consume();
    });
  }

  private Future<?> consume() {
    redis = RedisClients.commands(vertx, config.redis);
    postgres = PostgresClients.pool(vertx, config.postgres);
    fanout = new Fanout(redis, new Memberships(redis, postgres), new Connections(redis, 0));
    readPositions = new ReadPositions(cassandra, config.cassandra);
    producer = KafkaClients.producer(vertx, config.kafka, "router-push");
    // uncommitted: a message goes out as soon as the sequencer wrote it, not a commit later —
    // the sequencer redoes an aborted transaction with identical records (sequencer/README)
    consumer = new BatchConsumer(vertx,
        KafkaClients.consumer(vertx, config.kafka, config.groupId, "router", Isolation.READ_UNCOMMITTED),
        "router", this::route, Duration.ofMillis(config.commitIntervalMs));
    Router router = Router.router(vertx);
    new Health().check("redis", () -> redis.send(Request.cmd(Command.PING))).mount(router);
    return producer.warmUp(List.of(Topics.PUSH))
        .compose(v -> consumer.start(Topics.MESSAGES))
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host));
  }

  private Future<Void> route(List<KafkaConsumerRecord<String, String>> batch) {
    List<MessageSequenced> messages = JsonRecords.decodeAll(batch, MessageSequenced.class);
    List<ChannelFrame> frames = messages.stream()
        .map(m -> ChannelFrame.toAll(m.channelId(), Json.encode(new MessageFrame(m.channelId(), m.seq(), m.senderId(),
            m.clientMsgId(), m.body(), m.sentAt()))))
        .toList();
    return fanout.publish(frames).compose(delivered -> requestPushes(messages, delivered));
  }

  /** A chat.push event per offline member of each message, acknowledged by Kafka before the batch commits. */
  private Future<Void> requestPushes(List<MessageSequenced> messages, Fanout.Delivered delivered) {
    List<Future<?>> sends = new ArrayList<>();
    for (MessageSequenced message : messages) {
      List<Long> offline = PushPlan.offlineMembers(message,
          delivered.membersByChannel().getOrDefault(message.channelId(), Set.of()), delivered.gatewaysByUser());
      if (offline.isEmpty()) {
        continue;
      }
      sends.add(readPositions.ofUsers(message.channelId(), offline).compose(positions -> Future.all(
          PushPlan.requests(message, offline, positions).stream()
              .map(push -> producer.send(Topics.PUSH, Long.toString(push.userId()), Json.encode(push)))
              .toList())));
    }
    return Future.all(sends).mapEmpty();
  }

  @Override
  public Future<?> stop() {
    return consumer.stop().eventually(() -> Future.join(redis.close(), postgres.close(), cassandra.close(), producer.close()));
  }
}
