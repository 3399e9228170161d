package chat.router;

import chat.runtime.http.Health;
import chat.runtime.kafka.BatchConsumer;
import chat.runtime.kafka.JsonRecords;
import chat.runtime.kafka.KafkaClients;
import chat.runtime.postgres.PostgresClients;
import chat.runtime.redis.RedisClients;
import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.MessageSequenced;
import chat.schemas.frames.MessageFrame;
import chat.stores.delivery.ChannelFrame;
import chat.stores.delivery.Fanout;
import chat.stores.connections.Connections;
import chat.stores.membership.Memberships;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.List;

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
  private BatchConsumer consumer;

  public RouterVerticle(RouterConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    redis = RedisClients.pooled(vertx, config.redis);
    postgres = PostgresClients.pool(vertx, config.postgres);
    fanout = new Fanout(redis, new Memberships(redis, postgres), new Connections(redis, 0));
    consumer = new BatchConsumer(vertx, KafkaClients.consumer(vertx, config.kafka, config.groupId, "router"),
        "router", this::route);
    Router router = Router.router(vertx);
    new Health().check("redis", () -> redis.send(Request.cmd(Command.PING))).mount(router);
    return consumer.start(Topics.MESSAGES)
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host));
  }

  private Future<Void> route(List<KafkaConsumerRecord<String, String>> batch) {
    List<ChannelFrame> frames = JsonRecords.decodeAll(batch, MessageSequenced.class).stream()
        .map(m -> ChannelFrame.toAll(m.channelId(), Json.encode(new MessageFrame(m.channelId(), m.seq(), m.senderId(),
            m.clientMsgId(), m.body(), m.sentAt()))))
        .toList();
    return fanout.publish(frames).mapEmpty();
  }

  @Override
  public Future<?> stop() {
    return consumer.stop().eventually(() -> Future.join(redis.close(), postgres.close()));
  }
}
