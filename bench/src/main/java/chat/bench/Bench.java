package chat.bench;

import chat.bench.report.LatencyReport;
import chat.bench.scenarios.OneToOneLatency;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The benchmark runner: {@code bench one-to-one --rate 1000 --duration 60}. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = Bench.OneToOne.class,
    description = "Benchmarks of a running chat system (the all-in-one by default).")
public final class Bench {

  private Bench() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench()).execute(args));
  }

  @Command(name = "one-to-one", mixinStandardHelpOptions = true,
      description = "1:1 latency at a fixed offered load (open model, latency from the scheduled send time).")
  static final class OneToOne implements Callable<Integer> {
    @Option(names = "--api", defaultValue = "http://127.0.0.1:8081", description = "api base URL (default: ${DEFAULT-VALUE})")
    String api;
    @Option(names = "--pairs", defaultValue = "50", description = "user pairs, one direct channel each (default: ${DEFAULT-VALUE})")
    int pairs;
    @Option(names = "--rate", defaultValue = "500", description = "messages per second offered (default: ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--duration", defaultValue = "60", description = "seconds of sending (default: ${DEFAULT-VALUE})")
    int duration;
    @Option(names = "--out", defaultValue = "bench/results", description = "folder of the JSON and Markdown results (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
      Vertx vertx = Vertx.vertx();
      try {
        LatencyReport report = new OneToOneLatency(vertx, new OneToOneLatency.Options(api, pairs, rate,
                Duration.ofSeconds(duration), Duration.ofSeconds(10)))
            .run().toCompletionStage().toCompletableFuture().get(duration + 300L, TimeUnit.SECONDS);
        Files.createDirectories(out);
        String stem = Instant.now().toString().replace(':', '-') + "-one-to-one-" + (long) rate;
        Files.writeString(out.resolve(stem + ".json"), report.toJson().encodePrettily());
        Files.writeString(out.resolve(stem + ".md"), LatencyReport.markdownHeader() + report.markdownRow());
        System.out.print(LatencyReport.markdownHeader() + report.markdownRow());
        return 0;
      } finally {
        vertx.close();
      }
    }
  }
}
