package chat.stores.presence;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.redis.RedisClients;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GatewayLivenessIT {

  private static Vertx vertx;
  private static PresenceStore store;
  private static GatewayLiveness liveness;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    Redis redis = RedisClients.commands(vertx, EngineConfigs.redis(TestEngines.start(Engine.REDIS)));
    store = new PresenceStore(redis);
    liveness = new GatewayLiveness(redis);
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void a_gateway_that_stops_heartbeating_is_dead_with_its_connections_listed_until_they_are_ended() throws Exception {
    await(liveness.beat("gw-live@1", 100_000));
    await(liveness.beat("gw-dying@1", 70_000));
    await(store.connected(501, "c1", "gw-live@1", "phone", 60_000));
    await(store.connected(502, "c2", "gw-dying@1", "laptop", 60_000));

    assertThat(await(liveness.dead(100_000, 20_000)))
        .contains(new GatewayLiveness.DeadGateway("gw-dying@1", 70_000))
        .extracting(GatewayLiveness.DeadGateway::instance).doesNotContain("gw-live@1");
    assertThat(await(liveness.connectionsOn("gw-dying@1")))
        .containsExactly(new GatewayLiveness.OpenConnection(502, "c2", "laptop"));
    assertThat(await(liveness.forgetIfEmpty("gw-dying@1"))).as("a connection is left").isFalse();

    await(store.disconnected(502, "c2", "gw-dying@1", "laptop", 70_000, 70_000));
    assertThat(await(liveness.forgetIfEmpty("gw-dying@1"))).isTrue();
    assertThat(await(liveness.dead(100_000, 20_000))).extracting(GatewayLiveness.DeadGateway::instance)
        .doesNotContain("gw-dying@1");
  }

  @Test
  void a_gateway_that_left_or_never_beat_counts_as_dead() throws Exception {
    await(store.connected(601, "c1", "gw-never@1", "phone", 60_000));
    await(liveness.beat("gw-left@1", 99_000));
    await(store.connected(602, "c2", "gw-left@1", "phone", 60_000));
    await(liveness.leave("gw-left@1"));

    assertThat(await(liveness.dead(100_000, 20_000))).extracting(GatewayLiveness.DeadGateway::instance)
        .contains("gw-never@1", "gw-left@1");
  }
}
