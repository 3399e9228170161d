package chat.bench.scenarios;

import chat.bench.capacity.CapacityPlan;
import chat.bench.capacity.GatewayFleet;
import chat.bench.capacity.HolderStatus;
import chat.bench.capacity.Holders;
import chat.bench.capacity.ProcessMemory;
import chat.bench.client.ChatHttp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Connection capacity: idle WebSockets, pinging like real clients, held by several client
 * processes from several 127.0.0.x addresses on gateway processes started for the run (one
 * process holds at most ~19,000 sockets here: 20,000 open files). Connects the first 10,000 (or
 * fewer), measures, then all of them, measures again; then holds them for a while, counting any
 * the server closes. Memory per connection is what the gateways hold after a full GC beyond what
 * they held with no connection.
 */
public final class ConnectionCapacity {

  /** Steps at which memory is measured (the total is always the last). */
  private static final int FIRST_STEP = 10_000;

  /**
   * @param apiUrl where accounts are made
   * @param connections idle connections to open in all
   * @param gateways gateway processes to start
   * @param holders client processes to start
   * @param devicesPerUser connections per account (each its own device)
   * @param firstGatewayPort the first gateway's port, the next ones follow (0: free ports)
   * @param gatewayHeap the gateways' maximum heap ({@code -Xmx})
   * @param heartbeat how often each connection pings
   * @param hold how long all connections are held before the run ends
   * @param gatewayEnvironment {@code CHAT_*} variables for the gateways (where the engines are)
   * @param workDir where the processes' logs and the token file go
   */
  public record Options(String apiUrl, int connections, int gateways, int holders, int devicesPerUser, int firstGatewayPort,
      String gatewayHeap, Duration heartbeat, Duration hold, Map<String, String> gatewayEnvironment, Path workDir) {

    public int users() {
      return (connections + devicesPerUser - 1) / devicesPerUser;
    }
  }

  /** What was held at one step: connections, the time spent connecting them (all steps so far) and memory. */
  public record Step(int target, int opened, int failed, int retried, double connectSeconds, ProcessMemory.Sample gateways,
      ProcessMemory.Sample gatewaysIncrease, long holdersRssBytes) {

    public long heapPerConnection() {
      return opened == 0 ? 0 : gatewaysIncrease.heapBytes() / opened;
    }

    public long rssPerConnection() {
      return opened == 0 ? 0 : gatewaysIncrease.rssBytes() / opened;
    }

    JsonObject toJson() {
      return new JsonObject().put("target", target).put("opened", opened).put("failed", failed).put("retried", retried)
          .put("connect_seconds", connectSeconds)
          .put("gateways_heap_bytes", gateways.heapBytes()).put("gateways_rss_bytes", gateways.rssBytes())
          .put("heap_bytes_per_connection", heapPerConnection()).put("rss_bytes_per_connection", rssPerConnection())
          .put("client_processes_rss_bytes", holdersRssBytes);
    }
  }

  /**
   * The run: processes, the memory with no connection, each step, and what was lost while held.
   *
   * @param gatewayCloses the gateways' own count of closed connections by cause over the whole
   *     run (connecting and holding), before the client processes stop
   */
  public record Result(Options options, ProcessMemory.Sample baseline, List<Step> steps, int closedWhileHeld, int heldAtEnd,
      Map<String, Long> gatewayCloses) {

    public Step last() {
      return steps.get(steps.size() - 1);
    }

    public JsonObject toJson() {
      return new JsonObject().put("connections", options.connections()).put("gateways", options.gateways())
          .put("client_processes", options.holders()).put("users", options.users())
          .put("heartbeat_ms", options.heartbeat().toMillis()).put("hold_seconds", options.hold().toSeconds())
          .put("baseline_heap_bytes", baseline.heapBytes()).put("baseline_rss_bytes", baseline.rssBytes())
          .put("steps", new JsonArray(steps.stream().map(Step::toJson).toList()))
          .put("closed_while_held", closedWhileHeld).put("held_at_end", heldAtEnd)
          .put("gateway_closes_by_cause", new JsonObject(new LinkedHashMap<>(gatewayCloses)));
    }

    public String markdown() {
      StringBuilder table = new StringBuilder("| connections | gateway processes | client processes | failed | attempts retried | time to connect s "
          + "| connects/s | gateway heap per connection | gateway RSS per connection | gateways' heap | gateways' RSS |\n"
          + "|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (Step step : steps) {
        table.append(String.format(Locale.ROOT, "| %d | %d | %d | %d | %d | %.1f | %.0f | %d B | %d B | %d MB | %d MB |%n",
            step.opened(), options.gateways(), options.holders(), step.failed(), step.retried(), step.connectSeconds(),
            step.opened() / Math.max(0.001, step.connectSeconds()), step.heapPerConnection(), step.rssPerConnection(),
            step.gateways().heapBytes() >> 20, step.gateways().rssBytes() >> 20));
      }
      table.append(String.format(Locale.ROOT, "%nheld for %d s with a ping every %d s: %d closed by the server, %d still open%n",
          options.hold().toSeconds(), options.heartbeat().toSeconds(), closedWhileHeld, heldAtEnd));
      table.append(String.format(Locale.ROOT, "closed over the whole run, as the gateways count them, by cause: %s%n",
          gatewayCloses.isEmpty() ? "none" : gatewayCloses));
      return table.toString();
    }
  }

  private final Options options;

  public ConnectionCapacity(Options options) {
    this.options = options;
  }

  public Result run() throws Exception {
    Files.createDirectories(options.workDir());
    Path tokens = options.workDir().resolve("tokens.txt");
    Files.write(tokens, accounts());
    try (GatewayFleet fleet = GatewayFleet.start(options.gateways(), options.firstGatewayPort(), options.gatewayHeap(),
        options.gatewayEnvironment(), options.workDir(), Duration.ofSeconds(120))) {
      ProcessMemory.Sample baseline = memory(fleet.pids());
      CapacityPlan plan = new CapacityPlan(options.holders(), options.users(), fleet.urls());
      try (Holders holders = Holders.start(plan, tokens, options.heartbeat().toMillis(), "1g", options.workDir())) {
        holders.awaitStarted(Duration.ofSeconds(60));
        List<Step> steps = new ArrayList<>();
        double seconds = 0; // connecting, not measuring
        for (int target : steps()) {
          long start = System.nanoTime();
          holders.open(target);
          // generous: connecting slows down as more sockets ping; a stalled run still ends
          HolderStatus settled = holders.awaitSettled(target, Duration.ofMinutes(10).plusSeconds(target / 50));
          seconds += (System.nanoTime() - start) / 1e9;
          ProcessMemory.Sample gateways = memory(fleet.pids());
          long holdersRss = 0;
          for (long pid : holders.pids()) {
            holdersRss += ProcessMemory.rss(pid);
          }
          steps.add(new Step(target, settled.opened(), settled.failed(), settled.retried(), seconds, gateways,
              gateways.minus(baseline), holdersRss));
          System.out.printf(Locale.ROOT, "%d connections open (%d failed, %d attempts retried) in %.1f s%n", settled.opened(),
              settled.failed(), settled.retried(), seconds);
        }
        int closedBefore = holders.total().closed();
        TimeUnit.MILLISECONDS.sleep(options.hold().toMillis()); // the run's schedule: hold, then count
        HolderStatus end = holders.total();
        return new Result(options, baseline, steps, end.closed() - closedBefore, end.opened() - end.closed(),
            fleet.closesByCause());
      }
    }
  }

  private List<Integer> steps() {
    return options.connections() > FIRST_STEP ? List.of(FIRST_STEP, options.connections()) : List.of(options.connections());
  }

  /** Signs up and logs in the accounts; their tokens, one per line. */
  private List<String> accounts() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      ChatHttp chat = new ChatHttp(vertx, options.apiUrl());
      String prefix = "cap" + UUID.randomUUID().toString().substring(0, 8);
      List<Integer> users = IntStream.range(0, options.users()).boxed().toList();
      return ChatHttp.inBatches(users, 16, u -> chat.account(prefix + "_" + u).map(ChatHttp.Account::token))
          .toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
    } finally {
      vertx.close();
    }
  }

  private static ProcessMemory.Sample memory(List<Long> pids) throws Exception {
    ProcessMemory.Sample sum = ProcessMemory.Sample.ZERO;
    for (long pid : pids) {
      sum = sum.plus(ProcessMemory.afterFullGc(pid));
    }
    return sum;
  }
}
