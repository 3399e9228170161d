package chat.bench.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.TestEngines;
import chat.devstack.launcher.LocalSystem;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The presence benchmark at CI scale, so it cannot rot: 2 togglers, 5 friends, 2 cycles, short server timings. */
class PresenceFanoutIT {

  private static Vertx vertx;
  private static LocalSystem.Running system;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    system = LocalSystem.deploy(vertx, TestEngines.all(), LocalSystem.StagePorts.RANDOM,
            Path.of("target", "bench-presence-" + UUID.randomUUID()), new LocalSystem.Timings(1, 5, 1, 500, 500))
        .toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void every_transition_reaches_every_friend_once_and_its_delays_are_reported() throws Exception {
    Vertx client = Vertx.vertx();
    try {
      PresenceFanout.Result result = new PresenceFanout(client, new PresenceFanout.Options(system.apiUrl(), 2, 5, 2,
              Duration.ofMillis(1_500), Duration.ofMillis(2_500), Duration.ofSeconds(20)))
          .run().toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);

      assertThat(result.online().sent()).isEqualTo(2 * 2 * 5);
      assertThat(result.online().received()).isEqualTo(20);
      assertThat(result.offline().received()).isEqualTo(20);
      assertThat(result.online().duplicated()).isZero();
      assertThat(result.offline().p50Micros()).as("offline notices wait for the grace period")
          .isGreaterThanOrEqualTo(500_000);
      assertThat(result.noticesPerSecond()).isPositive();
    } finally {
      client.close();
    }
  }
}
