package chat.presence;

import chat.presence.events.EventApplier;
import chat.presence.expiry.GatewaySweeper;
import chat.presence.expiry.GraceTicker;
import chat.presence.notices.FriendNotices;
import chat.runtime.http.Health;
import chat.runtime.kafka.BatchConsumer;
import chat.runtime.kafka.JsonRecords;
import chat.runtime.kafka.KafkaClients;
import chat.runtime.postgres.PostgresClients;
import chat.runtime.redis.RedisClients;
import chat.schemas.Topics;
import chat.schemas.events.PresenceEvent;
import chat.stores.connections.Connections;
import chat.stores.delivery.Fanout;
import chat.stores.membership.Memberships;
import chat.stores.presence.GatewayLiveness;
import chat.stores.presence.PresenceAudience;
import chat.stores.presence.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chat.presence → each user's presence in Redis → {@code presence} frames to connected friends.
 * Two timers do the rest: the grace ticker (users whose last device left and did not come back)
 * and the gateway sweeper (connections of gateway processes that died without a word). Offsets are
 * committed after the batch's Redis changes.
 */
public final class PresenceVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(PresenceVerticle.class);

  private final PresenceConfig config;
  private Redis redis;
  private Pool postgres;
  private BatchConsumer consumer;

  public PresenceVerticle(PresenceConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    LongSupplier clock = System::currentTimeMillis;
    redis = RedisClients.commands(vertx, config.redis);
    postgres = PostgresClients.pool(vertx, config.postgres);
    PresenceStore store = new PresenceStore(redis);
    Fanout fanout = new Fanout(redis, new Memberships(redis, postgres), new Connections(redis, 0));
    FriendNotices notices = new FriendNotices(store, new PresenceAudience(postgres), fanout, config.coalesceMillis, clock);
    EventApplier applier = new EventApplier(store, notices, config.graceMillis, clock);
    GraceTicker ticker = new GraceTicker(store, notices, clock);
    GatewaySweeper sweeper = new GatewaySweeper(new GatewayLiveness(redis), store, config.gatewayTimeoutMillis, clock);

    consumer = new BatchConsumer(vertx, KafkaClients.consumer(vertx, config.kafka, config.groupId, "presence"), "presence",
        batch -> applier.apply(JsonRecords.decodeAll(batch, PresenceEvent.class)));
    vertx.setPeriodic(config.tickMillis, id -> ticker.tick()
        .onFailure(e -> log.warn("ending grace periods failed: {}", e.toString())));
    vertx.setPeriodic(config.sweepMillis, id -> sweeper.sweep()
        .onSuccess(ended -> {
          if (ended > 0) {
            log.info("ended {} connections of gateways that stopped heartbeating", ended);
          }
        })
        .onFailure(e -> log.warn("sweeping dead gateways failed: {}", e.toString())));

    Router router = Router.router(vertx);
    new Health().check("redis", () -> redis.send(Request.cmd(Command.PING))).mount(router);
    return consumer.start(Topics.PRESENCE)
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host));
  }

  @Override
  public Future<?> stop() {
    return consumer.stop().eventually(() -> Future.join(redis.close(), postgres.close()));
  }
}
