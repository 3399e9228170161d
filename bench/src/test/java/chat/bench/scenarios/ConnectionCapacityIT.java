package chat.bench.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.Endpoints;
import chat.devstack.engines.TestEngines;
import chat.devstack.launcher.LocalSystem;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The capacity benchmark at CI scale, so it cannot rot: 2 gateway processes, 2 client processes
 * from two source addresses, 300 connections; the gateways close a connection silent for 2 s, so
 * a heartbeat that stopped working would show as closed connections.
 */
class ConnectionCapacityIT {

  private static Vertx vertx;
  private static LocalSystem.Running system;
  private static Endpoints engines;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    engines = TestEngines.all();
    system = LocalSystem.deploy(vertx, engines, LocalSystem.StagePorts.RANDOM,
            Path.of("target", "bench-capacity-" + UUID.randomUUID()), LocalSystem.Timings.DEFAULT)
        .toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void connections_spread_over_gateway_and_client_processes_are_opened_held_and_measured() throws Exception {
    Map<String, String> gateways = new HashMap<>(EngineConfigs.environment(engines));
    gateways.put("CHAT_IDLE_TIMEOUT_SECONDS", "2");

    ConnectionCapacity.Result result = new ConnectionCapacity(new ConnectionCapacity.Options(system.apiUrl(), 300, 2, 2, 50, 0,
        "256m", Duration.ofMillis(500), Duration.ofSeconds(4), gateways,
        Path.of("target", "capacity-" + UUID.randomUUID()))).run();

    assertThat(result.steps()).hasSize(1);
    ConnectionCapacity.Step held = result.last();
    assertThat(held.opened()).isEqualTo(300);
    assertThat(held.failed()).isZero();
    assertThat(result.closedWhileHeld()).as("connections closed although they pinged").isZero();
    assertThat(result.heldAtEnd()).isEqualTo(300);
    assertThat(result.gatewayCloses()).as("the gateways closed nothing either, by their own count").isEmpty();
    assertThat(held.gateways().heapBytes()).isPositive();
    assertThat(held.gateways().rssBytes()).isGreaterThan(held.gateways().heapBytes() / 4);
    assertThat(held.holdersRssBytes()).isPositive();
    assertThat(result.markdown()).contains("| 300 | 2 | 2 | 0 |");
  }
}
