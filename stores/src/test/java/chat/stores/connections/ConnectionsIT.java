package chat.stores.connections;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.redis.RedisClients;
import chat.stores.RedisKeys;
import chat.stores.StoresFixture;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConnectionsIT {

  private static Vertx vertx;
  private static Redis redis;
  private static Connections connections;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    redis = RedisClients.commands(vertx, EngineConfigs.redis(TestEngines.start(Engine.REDIS)));
    connections = new Connections(redis, 60);
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void the_gateways_of_every_device_of_every_user_are_found_in_one_call() throws Exception {
    await(connections.register(1, "phone", "gw-a"));
    await(connections.register(1, "laptop", "gw-b"));
    await(connections.register(2, "phone", "gw-a"));

    assertThat(await(connections.gatewaysOf(List.of(1L, 2L, 3L))))
        .isEqualTo(Map.of(1L, Set.of("gw-a", "gw-b"), 2L, Set.of("gw-a")));
  }

  @Test
  void an_entry_expires_unless_refreshed() throws Exception {
    await(connections.register(10, "phone", "gw-a"));

    assertThat(await(redis.send(Request.cmd(Command.TTL).arg(RedisKeys.connections(10)))).toInteger()).isBetween(1, 60);
  }

  @Test
  void a_gateway_cannot_unregister_a_device_that_reconnected_elsewhere() throws Exception {
    await(connections.register(20, "phone", "gw-old"));
    await(connections.register(20, "phone", "gw-new"));

    await(connections.unregister(20, "phone", "gw-old"));

    assertThat(await(connections.gatewaysOf(List.of(20L)))).isEqualTo(Map.of(20L, Set.of("gw-new")));
    await(connections.unregister(20, "phone", "gw-new"));
    assertThat(await(connections.gatewaysOf(List.of(20L)))).isEmpty();
  }

  @Test
  void many_devices_are_unregistered_in_one_round_trip_except_those_that_moved_elsewhere() throws Exception {
    for (int device = 0; device < 2_000; device++) {
      await(connections.register(30 + device % 10, "d" + device, "gw-a"));
    }
    await(connections.register(31, "d1", "gw-b")); // reconnected elsewhere: stays

    List<Connections.Device> closed = new java.util.ArrayList<>();
    for (int device = 0; device < 2_000; device++) {
      closed.add(new Connections.Device(30 + device % 10, "d" + device));
    }
    await(connections.unregisterAll(closed, "gw-a"));

    assertThat(await(connections.gatewaysOf(java.util.stream.LongStream.range(30, 40).boxed().toList())))
        .isEqualTo(Map.of(31L, Set.of("gw-b")));
  }
}
