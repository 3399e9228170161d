package chat.bench.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import chat.bench.report.LatencyReport;
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

/** The 1:1 scenario at a small scale, so it cannot rot; the real figures come from `bench one-to-one`. */
class OneToOneLatencyIT {

  private static Vertx vertx;
  private static LocalSystem.Running system;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    system = LocalSystem.deploy(vertx, TestEngines.all(), LocalSystem.StagePorts.RANDOM, Path.of("target", "bench-" + UUID.randomUUID()),
        LocalSystem.Timings.DEFAULT)
        .toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  void a_small_run_delivers_every_message_once_and_reports_its_latencies() throws Exception {
    Vertx client = Vertx.vertx();
    try {
      LatencyReport report = new OneToOneLatency(client, new OneToOneLatency.Options(system.apiUrl(), 5, 50,
              Duration.ofSeconds(3), Duration.ofSeconds(20)))
          .run().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);

      assertThat(report.sent()).isEqualTo(150);
      assertThat(report.received()).isEqualTo(150);
      assertThat(report.lost()).isZero();
      assertThat(report.duplicated()).isZero();
      assertThat(report.p50Micros()).isPositive().isLessThanOrEqualTo(report.p99Micros());
      assertThat(report.markdownRow()).startsWith("| 1:1 | 50 | 150 | 150 | 0 | 0 |");
    } finally {
      client.close();
    }
  }
}
