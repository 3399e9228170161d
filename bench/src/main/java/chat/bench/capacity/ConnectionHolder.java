package chat.bench.capacity;

import chat.bench.client.Heartbeat;
import chat.runtime.vertx.NativeVertx;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client process of the connection-capacity benchmark: holds idle WebSockets, pinging like a
 * real client, from one 127.0.0.x source address. The coordinator drives it over stdin
 * ({@code open <n>}: hold n connections; end of input: exit) and reads {@link HolderStatus}
 * lines from stdout.
 *
 * <p>Its k-th connection is the plan's connection {@code holder + k × holders}: the plan names its
 * gateway, user (bearer token) and device.
 */
public final class ConnectionHolder {

  /**
   * Connection attempts in flight at once. On a saturated box each attempt waits about (attempts
   * in flight over all clients) / (connects per second): 6 clients × 100 at ~100 connects/s made
   * that 6 s, and the slowest passed the gateways' 10 s handshake deadline. More in flight does not
   * connect faster once the box is saturated; it only makes each attempt wait longer.
   */
  private static final int IN_FLIGHT = 16;

  /**
   * Attempts per connection. A real client whose handshake fails reconnects after a pause; so do
   * these, up to this many attempts, waiting {@link #RETRY_PAUSE_MS} times the attempt number
   * (the connection keeps its slot in flight meanwhile). Retries are counted and reported apart.
   */
  private static final int ATTEMPTS = 3;

  private static final long RETRY_PAUSE_MS = 1_000;

  private final Vertx vertx;
  private final WebSocketClient client;
  private final CapacityPlan plan;
  private final int holder;
  private final List<String> tokens;
  private final long heartbeatMs;
  private final AtomicInteger opened = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicInteger closed = new AtomicInteger();
  private final AtomicInteger retried = new AtomicInteger();
  private int next;
  private int target;
  private int inFlight;

  private ConnectionHolder(Vertx vertx, String source, CapacityPlan plan, int holder, List<String> tokens, long heartbeatMs) {
    this.vertx = vertx;
    this.plan = plan;
    this.holder = holder;
    this.tokens = tokens;
    this.heartbeatMs = heartbeatMs;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions()
        .setLocalAddress(source)
        .setMaxConnections(Integer.MAX_VALUE)
        .setConnectTimeout(30_000));
  }

  /** {@code <source address> <holder index> <plan> <heartbeat ms> <tokens file>}. */
  public static void main(String[] args) throws Exception {
    Vertx vertx = NativeVertx.create(new VertxOptions().setEventLoopPoolSize(2));
    Context context = vertx.getOrCreateContext();
    ConnectionHolder holder = new ConnectionHolder(vertx, args[0], CapacityPlan.parse(args[2]), Integer.parseInt(args[1]),
        Files.readAllLines(Path.of(args[4])), Long.parseLong(args[3]));
    holder.report(); // started
    vertx.setPeriodic(1_000, id -> holder.report());
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = commands.readLine(); line != null; line = commands.readLine()) {
      if (line.startsWith("open ")) {
        int count = Integer.parseInt(line.substring(5).trim());
        context.runOnContext(v -> holder.openUpTo(count));
      }
    }
    vertx.close().toCompletionStage().toCompletableFuture().get();
    System.exit(0);
  }

  /** Runs on one context: {@code next}, {@code target} and {@code inFlight} are only touched there. */
  private void openUpTo(int count) {
    target = Math.max(target, count);
    while (inFlight < IN_FLIGHT && next < target) {
      int connection = plan.connection(holder, next++);
      inFlight++;
      openWithRetries(connection, 1).onComplete(ar -> {
        inFlight--;
        (ar.succeeded() ? opened : failed).incrementAndGet();
        if (ar.failed() && failed.get() <= 20) {
          System.err.println("connection " + connection + " failed: " + ar.cause()); // the first few, for the run's logs
        }
        if (opened.get() + failed.get() == target) {
          report();
        }
        openUpTo(target);
      });
    }
  }

  private Future<Void> openWithRetries(int connection, int attempt) {
    return open(connection).recover(e -> {
      if (attempt >= ATTEMPTS) {
        return Future.failedFuture(e);
      }
      if (retried.incrementAndGet() <= 20) {
        System.err.println("connection " + connection + " attempt " + attempt + " failed, retrying: " + e); // the first few
      }
      return vertx.timer(RETRY_PAUSE_MS * attempt).compose(v -> openWithRetries(connection, attempt + 1));
    });
  }

  private Future<Void> open(int connection) {
    URI gateway = URI.create(plan.gateways().get(plan.gatewayOf(connection)));
    String token = tokens.get(plan.userOf(connection));
    return client.connect(new WebSocketConnectOptions()
            .setHost(gateway.getHost()).setPort(gateway.getPort())
            .setURI(gateway.getRawPath() + "?device=cap-" + connection)
            .addHeader("Authorization", "Bearer " + token))
        .map(socket -> {
          socket.textMessageHandler(text -> {}); // welcome and pongs: nothing to do
          Heartbeat.keepAlive(vertx, socket, heartbeatMs);
          socket.endHandler(v -> closed.incrementAndGet());
          return (Void) null;
        });
  }

  private void report() {
    System.out.println(new HolderStatus(opened.get(), failed.get(), closed.get(), retried.get()).line());
    System.out.flush();
  }
}
