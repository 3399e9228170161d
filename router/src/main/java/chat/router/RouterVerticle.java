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
import chat.stores.RedisKeys;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * chat.messages → members (one Redis round trip per batch) → their gateways (one round trip per
 * batch) → one pub/sub message per gateway. Offsets are committed after the publishes.
 */
public final class RouterVerticle extends VerticleBase {

  private final RouterConfig config;
  private Redis redis;
  private Pool postgres;
  private Memberships memberships;
  private Connections connections;
  private BatchConsumer consumer;

  public RouterVerticle(RouterConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    redis = RedisClients.pooled(vertx, config.redis);
    postgres = PostgresClients.pool(vertx, config.postgres);
    memberships = new Memberships(redis, postgres);
    connections = new Connections(redis, 0);
    consumer = new BatchConsumer(vertx, KafkaClients.consumer(vertx, config.kafka, config.groupId, "router"),
        "router", this::route);
    Router router = Router.router(vertx);
    new Health().check("redis", () -> redis.send(Request.cmd(Command.PING))).mount(router);
    return consumer.start(Topics.MESSAGES)
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host));
  }

  private Future<Void> route(List<KafkaConsumerRecord<String, String>> batch) {
    List<MessageSequenced> messages = JsonRecords.decodeAll(batch, MessageSequenced.class);
    if (messages.isEmpty()) {
      return Future.succeededFuture();
    }
    Set<Long> channels = new HashSet<>();
    messages.forEach(m -> channels.add(m.channelId()));
    return memberships.membersOf(channels).compose(members -> {
      Set<Long> users = new HashSet<>();
      members.values().forEach(users::addAll);
      return connections.gatewaysOf(users).compose(gateways -> {
        List<Request> publishes = new ArrayList<>();
        DeliveryPlan.plan(messages, members, gateways).forEach((gateway, gatewayBatch) ->
            publishes.add(Request.cmd(Command.PUBLISH).arg(RedisKeys.gatewayInbox(gateway)).arg(Json.encode(gatewayBatch))));
        return publishes.isEmpty() ? Future.succeededFuture() : redis.batch(publishes).mapEmpty();
      });
    });
  }

  @Override
  public Future<?> stop() {
    return consumer.stop().eventually(() -> Future.join(redis.close(), postgres.close()));
  }
}
