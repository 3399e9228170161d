package chat.bench.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import chat.bench.client.ChatHttp;
import chat.bench.report.Charts;
import chat.bench.report.LatencyReport;
import chat.bench.report.SendFaults;
import chat.bench.report.Timeline;
import chat.devstack.engines.TestEngines;
import chat.devstack.launcher.LocalSystem;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The 1:1 scenario at a small scale, so it cannot rot; the real figures come from `bench one-to-one`. */
class LatencyScenariosIT {

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
      OneToOneLatency.Result result = new OneToOneLatency(client, new OneToOneLatency.Options(system.apiUrl(), 5, 50,
              Duration.ofSeconds(3), Duration.ofSeconds(20)))
          .run().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
      LatencyReport report = result.report();

      assertThat(report.sent()).isEqualTo(150);
      assertThat(report.received()).isEqualTo(150);
      assertThat(report.lost()).isZero();
      assertThat(report.duplicated()).isZero();
      assertThat(report.p50Micros()).isPositive().isLessThanOrEqualTo(report.p99Micros());
      assertThat(report.markdownRow()).startsWith("| 1:1 | 50 | 150 | 150 | 0 | 0 |");
      assertThat(report.sending()).as("every send written and accepted, every socket open").isEqualTo(SendFaults.Counts.NONE);
      assertThat(report.machine()).as("the machine's CPU split over the measured seconds").isNotNull();
      assertThat(report.machine().busy() + report.machine().system() + report.machine().idle() + report.machine().steal())
          .isCloseTo(1.0, within(0.01));
      assertThat(result.timeline().points()).extracting(Timeline.Point::count).as("messages per second of the run")
          .containsExactly(50L, 50L, 50L);
      assertThat(result.hops().count()).as("every delivery split at its sent_at").isEqualTo(150);
      assertThat(result.hops().toJson().getJsonObject("gateway_to_recipient").getLong("max_micros"))
          .as("a hop is part of the whole (sent_at has ms resolution)").isLessThanOrEqualTo(report.maxMicros() + 1_000);

      Path charts = Path.of("target", "charts");
      Files.createDirectories(charts);
      Charts.overTime(charts.resolve("over-time.png"), "1:1 CI", result.timeline());
      Charts.distribution(charts.resolve("distribution.png"), "1:1 CI", result.micros());
      assertThat(ImageIO.read(charts.resolve("over-time.png").toFile()).getWidth()).isEqualTo(1000);
      assertThat(ImageIO.read(charts.resolve("distribution.png").toFile()).getHeight()).isEqualTo(500);
    } finally {
      client.close();
    }
  }

  @Test
  void sends_on_a_socket_the_generator_lost_count_as_failed_writes_not_as_messages_the_system_lost() throws Exception {
    Vertx client = Vertx.vertx();
    ChatHttp chat = new ChatHttp(client, system.apiUrl());
    try {
      List<OneToOneLatency.Pair> pairs = OneToOneLatency.pairs(chat, system.apiUrl(), 2)
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      pairs.get(0).sender().close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

      LatencyReport report = new OneToOneLatency(client, new OneToOneLatency.Options(system.apiUrl(), 2, 20,
              Duration.ofSeconds(2), Duration.ofSeconds(5)))
          .measure(pairs).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS).report();

      assertThat(report.sent()).isEqualTo(40);
      assertThat(report.received()).as("the open pair's messages").isEqualTo(20);
      assertThat(report.sending()).isEqualTo(new SendFaults.Counts(20, Map.of(), 1));
      assertThat(report.lost()).as("the closed socket's sends never reached the system").isZero();
      assertThat(MaxThroughput.passes(report, 60_000)).as("a step that could not send its rate fails").isFalse();
    } finally {
      chat.close();
      client.close();
    }
  }

  @Test
  void the_throughput_search_climbs_while_steps_pass_and_stops_at_the_highest_rate_asked() throws Exception {
    Vertx client = Vertx.vertx();
    try {
      MaxThroughput.Result result = new MaxThroughput(client, new MaxThroughput.Options(system.apiUrl(), 3, 10, 2, 20,
              Duration.ZERO, Duration.ofSeconds(2), 60_000))
          .run().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);

      assertThat(result.steps()).extracting(LatencyReport::offeredPerSecond).containsExactly(10.0, 20.0);
      assertThat(result.steps()).extracting(LatencyReport::received).as("each step counts its own messages only")
          .containsExactly(20L, 40L);
      assertThat(result.bestRate()).isEqualTo(20);
    } finally {
      client.close();
    }
  }

  @Test
  void a_step_fails_on_a_lost_message_or_a_p99_over_the_limit() {
    LatencyReport clean = new LatencyReport("1:1", 100, 100, 100, 0, 0, 1_000, 2_000, 50_000, 60_000, 70_000);
    assertThat(MaxThroughput.passes(clean, 100)).isTrue();
    assertThat(MaxThroughput.passes(clean, 40)).isFalse();
    assertThat(MaxThroughput.passes(new LatencyReport("1:1", 100, 100, 99, 1, 0, 1_000, 2_000, 50_000, 60_000, 70_000), 100)).isFalse();
  }

  @Test
  void history_reads_return_full_pages_at_the_offered_rate_and_report_their_latencies() throws Exception {
    Vertx client = Vertx.vertx();
    try {
      OneToOneLatency.Result result = new HistoryReads(client, new HistoryReads.Options(system.apiUrl(), 60, 50, 50,
              Duration.ofSeconds(1), Duration.ofSeconds(2)))
          .run().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);

      assertThat(result.report().sent()).isEqualTo(100);
      assertThat(result.report().received()).isEqualTo(100);
      assertThat(result.report().lost()).as("failed reads or short pages").isZero();
      assertThat(result.report().p50Micros()).isPositive();
    } finally {
      client.close();
    }
  }

  @Test
  void group_fan_out_reaches_every_member_once_and_reports_its_latencies() throws Exception {
    Vertx client = Vertx.vertx();
    try {
      OneToOneLatency.Result result = new GroupFanout(client, new GroupFanout.Options(system.apiUrl(), 2, 5, 20,
              Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(20)))
          .run().toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);

      assertThat(result.report().sent()).as("deliveries expected: 40 messages × 5 members").isEqualTo(200);
      assertThat(result.report().received()).isEqualTo(200);
      assertThat(result.report().lost()).isZero();
      assertThat(result.report().duplicated()).isZero();
      assertThat(result.hops().count()).isEqualTo(200);
    } finally {
      client.close();
    }
  }
}
