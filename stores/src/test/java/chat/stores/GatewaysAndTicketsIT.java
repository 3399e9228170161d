package chat.stores;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.redis.RedisClients;
import chat.stores.gateways.GatewayRegistry;
import chat.stores.tickets.Tickets;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GatewaysAndTicketsIT {

  private static Vertx vertx;
  private static Redis redis;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    redis = RedisClients.commands(vertx, EngineConfigs.redis(TestEngines.start(Engine.REDIS)));
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @BeforeEach
  void emptyRegistry() throws Exception {
    await(redis.send(Request.cmd(Command.DEL).arg("gateways")));
  }

  @Test
  void the_least_loaded_healthy_gateway_is_chosen_and_a_stale_one_never() throws Exception {
    GatewayRegistry registry = new GatewayRegistry(redis, 15_000);
    long now = System.currentTimeMillis();
    await(registry.heartbeat("gw-busy", "ws://busy/v1/ws", 900, now));
    await(registry.heartbeat("gw-quiet", "ws://quiet/v1/ws", 10, now - 1_000));
    await(registry.heartbeat("gw-stale", "ws://stale/v1/ws", 0, now - 60_000));

    assertThat(await(registry.leastLoaded(now))).hasValue(new GatewayRegistry.Gateway("gw-quiet", "ws://quiet/v1/ws", 10));
    assertThat(await(registry.healthy(now))).extracting(GatewayRegistry.Gateway::id).containsExactlyInAnyOrder("gw-busy", "gw-quiet");
  }

  @Test
  void a_gateway_that_left_is_not_offered_and_none_means_empty() throws Exception {
    GatewayRegistry registry = new GatewayRegistry(redis, 15_000);
    long now = System.currentTimeMillis();
    await(registry.heartbeat("gw-1", "ws://one/v1/ws", 1, now));

    await(registry.leave("gw-1"));

    assertThat(await(registry.leastLoaded(now))).isEmpty();
  }

  @Test
  void a_ticket_works_once() throws Exception {
    Tickets tickets = new Tickets(redis, 10);
    UUID session = UUID.randomUUID();
    String ticket = await(tickets.issue(7, session));

    assertThat(await(tickets.redeem(ticket))).hasValue(new Tickets.Holder(7, session));
    assertThat(await(tickets.redeem(ticket))).isEmpty();
    assertThat(await(tickets.redeem("made-up"))).isEmpty();
  }

  @Test
  void a_ticket_expires_after_its_lifetime() throws Exception {
    Tickets tickets = new Tickets(redis, 1);
    String ticket = await(tickets.issue(7, UUID.randomUUID()));

    await().atMost(Duration.ofSeconds(5)).until(() ->
        await(redis.send(Request.cmd(Command.EXISTS).arg("ticket:" + ticket))).toInteger() == 0);
    assertThat(await(tickets.redeem(ticket))).isEqualTo(Optional.empty());
  }
}
