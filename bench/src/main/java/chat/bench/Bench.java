package chat.bench;

import chat.bench.report.Charts;
import chat.bench.report.LatencyReport;
import chat.bench.scenarios.ConnectionCapacity;
import chat.bench.scenarios.GroupFanout;
import chat.bench.scenarios.HistoryReads;
import chat.bench.scenarios.MaxThroughput;
import chat.bench.scenarios.OneToOneLatency;
import chat.bench.scenarios.PresenceFanout;
import chat.bench.scenarios.StartupTime;
import chat.runtime.vertx.NativeVertx;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The benchmark runner: {@code bench one-to-one --rate 1000 --duration 60}. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {Bench.OneToOne.class, Bench.Presence.class, Bench.History.class, Bench.Group.class,
    Bench.Capacity.class, Bench.Max.class, Bench.Startup.class},
    description = "Benchmarks of a running chat system (the all-in-one by default).")
public final class Bench {

  private Bench() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new Bench())
        .setExecutionExceptionHandler((failure, command, parsed) -> {
          Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
          System.err.println("bench failed: " + cause);
          return 1;
        })
        .execute(args));
  }

  @Command(name = "one-to-one", mixinStandardHelpOptions = true,
      description = "1:1 latency at a fixed offered load (open model, latency from the scheduled send time).")
  static final class OneToOne implements Callable<Integer> {
    @Mixin
    Target target;
    @Option(names = "--pairs", defaultValue = "50", description = "user pairs, one direct channel each (default: ${DEFAULT-VALUE})")
    int pairs;
    @Option(names = "--rate", defaultValue = "500", description = "messages per second offered (default: ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--duration", defaultValue = "60", description = "seconds of sending (default: ${DEFAULT-VALUE})")
    int duration;
    @Option(names = "--warmup", defaultValue = "15", description = "seconds of sending first, not measured (default: ${DEFAULT-VALUE})")
    int warmup;

    @Override
    public Integer call() throws Exception {
      OneToOneLatency.Result result = run(warmup + duration + 300L, vertx -> new OneToOneLatency(vertx,
          new OneToOneLatency.Options(target.api, pairs, rate, Duration.ofSeconds(warmup), Duration.ofSeconds(duration),
              Duration.ofSeconds(10))).run());
      target.report("one-to-one-" + (long) rate, "1:1 at " + (long) rate + " msg/s", "message", result);
      return 0;
    }
  }

  @Command(name = "presence", mixinStandardHelpOptions = true,
      description = "Presence fan-out: users with many friends going online and offline; notices per second and delays.")
  static final class Presence implements Callable<Integer> {
    @Mixin
    Target target;
    @Option(names = "--togglers", defaultValue = "20", description = "users going online and offline (default: ${DEFAULT-VALUE})")
    int togglers;
    @Option(names = "--friends", defaultValue = "500", description = "connected friends of every toggler (default: ${DEFAULT-VALUE})")
    int friends;
    @Option(names = "--cycles", defaultValue = "4", description = "online/offline cycles per toggler (default: ${DEFAULT-VALUE})")
    int cycles;
    @Option(names = "--online", defaultValue = "4", description = "seconds online per cycle (default: ${DEFAULT-VALUE})")
    int online;
    @Option(names = "--offline", defaultValue = "10", description = "seconds offline per cycle; above the server's grace + coalescing window (default: ${DEFAULT-VALUE})")
    int offline;

    @Override
    public Integer call() throws Exception {
      PresenceFanout.Result result = run(3600, vertx -> new PresenceFanout(vertx, new PresenceFanout.Options(target.api,
          togglers, friends, cycles, Duration.ofSeconds(online), Duration.ofSeconds(offline), Duration.ofSeconds(30))).run());
      String table = LatencyReport.markdownHeader() + result.online().markdownRow() + result.offline().markdownRow()
          + String.format(java.util.Locale.ROOT, "%nnotices delivered: %.0f per second%n", result.noticesPerSecond());
      target.write("presence-" + togglers + "x" + friends, new io.vertx.core.json.JsonObject()
          .put("online", result.online().toJson()).put("offline", result.offline().toJson())
          .put("notices_per_second", result.noticesPerSecond()).encodePrettily(), table);
      return 0;
    }
  }

  @Command(name = "history", mixinStandardHelpOptions = true,
      description = "History reads: the latest page of one channel over HTTP at a fixed rate (open model).")
  static final class History implements Callable<Integer> {
    @Mixin
    Target target;
    @Option(names = "--messages", defaultValue = "200", description = "messages put in the channel first (default: ${DEFAULT-VALUE})")
    int messages;
    @Option(names = "--page", defaultValue = "50", description = "messages per read (default: ${DEFAULT-VALUE})")
    int page;
    @Option(names = "--rate", defaultValue = "500", description = "reads per second offered (default: ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--warmup", defaultValue = "15", description = "seconds of reading first, not measured (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--duration", defaultValue = "60", description = "seconds of reading (default: ${DEFAULT-VALUE})")
    int duration;

    @Override
    public Integer call() throws Exception {
      OneToOneLatency.Result result = run(warmup + duration + 600L, vertx -> new HistoryReads(vertx,
          new HistoryReads.Options(target.api, messages, page, rate, Duration.ofSeconds(warmup), Duration.ofSeconds(duration))).run());
      target.report("history-" + (long) rate, "history last " + page + " at " + (long) rate + " reads/s", "read", result);
      return 0;
    }
  }

  @Command(name = "group", mixinStandardHelpOptions = true,
      description = "Group fan-out: groups with every member connected; deliveries per second and latency to each socket.")
  static final class Group implements Callable<Integer> {
    @Mixin
    Target target;
    @Option(names = "--groups", defaultValue = "2", description = "groups (default: ${DEFAULT-VALUE})")
    int groups;
    @Option(names = "--members", defaultValue = "100", description = "members per group, all connected (default: ${DEFAULT-VALUE})")
    int members;
    @Option(names = "--rate", defaultValue = "50", description = "messages per second offered, over all groups (default: ${DEFAULT-VALUE})")
    double rate;
    @Option(names = "--warmup", defaultValue = "15", description = "seconds of sending first, not measured (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--duration", defaultValue = "60", description = "seconds of sending (default: ${DEFAULT-VALUE})")
    int duration;

    @Override
    public Integer call() throws Exception {
      OneToOneLatency.Result result = run(warmup + duration + 900L, vertx -> new GroupFanout(vertx, new GroupFanout.Options(target.api,
          groups, members, rate, Duration.ofSeconds(warmup), Duration.ofSeconds(duration), Duration.ofSeconds(15))).run());
      target.report("group-" + members + "-" + (long) rate, "groups of " + members + " at " + (long) rate + " msg/s", "delivery", result);
      System.out.printf(java.util.Locale.ROOT, "deliveries: %.0f per second offered%n", rate * members);
      return 0;
    }
  }

  @Command(name = "capacity", mixinStandardHelpOptions = true,
      description = "Connection capacity: idle pinging WebSockets from several client processes and source addresses "
          + "on gateway processes started for the run; memory per connection, time to connect.")
  static final class Capacity implements Callable<Integer> {
    /** Sockets one process may hold here: 20,000 open files, less the process's own. */
    static final int PER_PROCESS = 17_000;

    @Mixin
    Target target;
    @Option(names = "--connections", defaultValue = "100000", description = "connections in all (default: ${DEFAULT-VALUE})")
    int connections;
    @Option(names = "--gateways", description = "gateway processes to start (default: one per " + PER_PROCESS + " connections)")
    Integer gateways;
    @Option(names = "--clients", description = "client processes, each from its own 127.0.0.x (default: one per " + PER_PROCESS + " connections)")
    Integer clients;
    @Option(names = "--devices-per-user", defaultValue = "100", description = "connections per account (default: ${DEFAULT-VALUE})")
    int devicesPerUser;
    @Option(names = "--gateway-port", defaultValue = "18080", description = "the first gateway's port; the others follow (default: ${DEFAULT-VALUE})")
    int gatewayPort;
    @Option(names = "--gateway-heap", defaultValue = "1g", description = "-Xmx of the gateways (default: ${DEFAULT-VALUE})")
    String gatewayHeap;
    @Option(names = "--heartbeat", defaultValue = "10", description = "seconds between a connection's pings; the gateways ask for 10 (default: ${DEFAULT-VALUE})")
    int heartbeat;
    @Option(names = "--hold", defaultValue = "45", description = "seconds to hold them all, above the gateways' 30 s idle timeout (default: ${DEFAULT-VALUE})")
    int hold;

    @Override
    public Integer call() throws Exception {
      int processes = (connections + PER_PROCESS - 1) / PER_PROCESS;
      String name = "capacity-" + connections;
      ConnectionCapacity.Result result = new ConnectionCapacity(new ConnectionCapacity.Options(target.api, connections,
          gateways != null ? gateways : processes, clients != null ? clients : processes, devicesPerUser, gatewayPort,
          gatewayHeap, Duration.ofSeconds(heartbeat), Duration.ofSeconds(hold), java.util.Map.of(),
          target.out.resolve(Instant.now().toString().replace(':', '-') + "-" + name + "-logs"))).run();
      target.write(name, result.toJson().encodePrettily(), result.markdown());
      return 0;
    }
  }

  @Command(name = "max-throughput", mixinStandardHelpOptions = true,
      description = "The highest 1:1 rate held with p99 under a limit and nothing lost: 1:1 latency steps at growing rates.")
  static final class Max implements Callable<Integer> {
    @Mixin
    Target target;
    @Option(names = "--pairs", defaultValue = "200", description = "user pairs; each connection may send 20 frames/s (default: ${DEFAULT-VALUE})")
    int pairs;
    @Option(names = "--start", defaultValue = "100", description = "the first step's msg/s (default: ${DEFAULT-VALUE})")
    double start;
    @Option(names = "--factor", defaultValue = "1.25", description = "each step's rate over the previous one's (default: ${DEFAULT-VALUE})")
    double factor;
    @Option(names = "--max", defaultValue = "10000", description = "the highest rate tried (default: ${DEFAULT-VALUE})")
    double max;
    @Option(names = "--warmup", defaultValue = "10", description = "seconds of each step not measured (default: ${DEFAULT-VALUE})")
    int warmup;
    @Option(names = "--step", defaultValue = "60", description = "seconds measured per step (default: ${DEFAULT-VALUE})")
    int step;
    @Option(names = "--p99", defaultValue = "100", description = "a step passes with p99 at most this many ms and nothing lost (default: ${DEFAULT-VALUE})")
    double p99;

    @Override
    public Integer call() throws Exception {
      MaxThroughput.Result result = run(86_400, vertx -> new MaxThroughput(vertx, new MaxThroughput.Options(target.api, pairs,
          start, factor, max, Duration.ofSeconds(warmup), Duration.ofSeconds(step), p99)).run());
      StringBuilder table = new StringBuilder(LatencyReport.markdownHeader());
      result.steps().forEach(report -> table.append(report.markdownRow()));
      table.append('\n');
      result.steps().forEach(report -> table.append(String.format(java.util.Locale.ROOT, "%.0f msg/s — %s",
          report.offeredPerSecond(), report.sending().markdown())));
      result.steps().stream().filter(report -> report.machine() != null)
          .forEach(report -> table.append(String.format(java.util.Locale.ROOT, "%.0f msg/s — %s", report.offeredPerSecond(),
              report.machine().markdown() + report.machine().markdownPer(report.sent(), "message"))));
      table.append(String.format(java.util.Locale.ROOT, "%nmaximum sustained 1:1 (p99 ≤ %.0f ms, nothing lost, %d s steps): %.0f msg/s%n",
          p99, step, result.bestRate()));
      target.write("max-throughput", new io.vertx.core.json.JsonObject().put("best_rate", result.bestRate()).put("p99_limit_ms", p99)
          .put("steps", new io.vertx.core.json.JsonArray(result.steps().stream().map(LatencyReport::toJson).toList()))
          .encodePrettily(), table.toString());
      return 0;
    }
  }

  @Command(name = "startup", mixinStandardHelpOptions = true,
      description = "Launch to ready of the all-in-one (run from the project root after a build, as ./run-bench does).")
  static final class Startup implements Callable<Integer> {
    @Option(names = "--runs", defaultValue = "3", description = "launches (default: ${DEFAULT-VALUE})")
    int runs;
    @Option(names = "--fresh", description = "a new data folder and free ports for every launch (default: one folder kept "
        + "between launches and the default ports, so stop ./run-local first)")
    boolean fresh;
    @Option(names = "--launcher", defaultValue = "devstack/launcher", description = "the launcher module, built (default: ${DEFAULT-VALUE})")
    Path launcher;
    @Option(names = "--out", defaultValue = "bench/results", description = "folder of the results (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws Exception {
      String classpath = launcher.resolve("target/classes") + java.io.File.pathSeparator
          + Files.readString(launcher.resolve("target/launcher.classpath")).trim();
      Target target = new Target();
      target.out = out;
      String stem = Instant.now().toString().replace(':', '-') + "-startup";
      StartupTime.Result result = new StartupTime(new StartupTime.Options(classpath, runs, fresh, out.resolve(stem + "-runs"))).run();
      target.write("startup", new io.vertx.core.json.JsonObject().put("fresh", fresh)
          .put("ready_seconds", new io.vertx.core.json.JsonArray(result.readySeconds())).encodePrettily(), result.markdown());
      return 0;
    }
  }

  /** Runs a scenario on a Vert.x of its own and waits for its result (at most {@code timeoutSeconds}). */
  static <T> T run(long timeoutSeconds, java.util.function.Function<Vertx, io.vertx.core.Future<T>> scenario) throws Exception {
    Vertx vertx = NativeVertx.create();
    try {
      return scenario.apply(vertx).toCompletionStage().toCompletableFuture().get(timeoutSeconds, TimeUnit.SECONDS);
    } finally {
      vertx.close();
    }
  }

  /** Where every scenario runs against and writes to. */
  static final class Target {
    @Option(names = "--api", defaultValue = "http://127.0.0.1:8081", description = "api base URL (default: ${DEFAULT-VALUE})")
    String api;
    @Option(names = "--out", defaultValue = "bench/results", description = "folder of the JSON and Markdown results (default: ${DEFAULT-VALUE})")
    Path out;

    /**
     * A latency run's JSON, Markdown row and two PNG charts (over time, distribution); {@code item}
     * names what the run's {@code sent} counts, for the CPU each process spent per item.
     */
    void report(String name, String title, String item, OneToOneLatency.Result result) throws java.io.IOException {
      LatencyReport report = result.report();
      io.vertx.core.json.JsonObject json = report.toJson();
      String markdown = LatencyReport.markdownHeader() + report.markdownRow();
      if (result.hops() != null && result.hops().count() > 0) {
        json.put("hops", result.hops().toJson());
        markdown += result.hops().markdown();
      }
      if (report.sending() != null) {
        markdown += "\n" + report.sending().markdown();
      }
      if (report.machine() != null) {
        markdown += "\n" + report.machine().markdown() + report.machine().markdownPer(report.sent(), item);
      }
      String stem = write(name, json.encodePrettily(), markdown);
      Charts.overTime(out.resolve(stem + "-over-time.png"), title, result.timeline());
      Charts.distribution(out.resolve(stem + "-distribution.png"), title, result.micros());
    }

    /** Writes the JSON and Markdown results under {@code out}, prints the table, and returns the files' common stem. */
    String write(String name, String json, String markdown) throws java.io.IOException {
      Files.createDirectories(out);
      String stem = Instant.now().toString().replace(':', '-') + "-" + name;
      Files.writeString(out.resolve(stem + ".json"), json);
      Files.writeString(out.resolve(stem + ".md"), markdown);
      System.out.print(markdown);
      return stem;
    }
  }

}
