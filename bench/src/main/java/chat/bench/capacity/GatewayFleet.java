package chat.bench.capacity;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Gateway processes started for the capacity benchmark: {@code chat.gateway.Main} in JVMs of
 * their own (one process holds at most ~19,000 sockets here), each on its own port and with its
 * own id, configured by {@code CHAT_*} variables; they join the running system through its
 * engines like any gateway.
 */
public final class GatewayFleet implements AutoCloseable {

  /** One gateway process: {@code port} for WebSockets, {@code healthPort} for readiness and metrics. */
  public record Gateway(Process process, int port, int healthPort, Path log) {
    public String url() {
      return "ws://127.0.0.1:" + port + "/v1/ws";
    }
  }

  private final List<Gateway> gateways;

  private GatewayFleet(List<Gateway> gateways) {
    this.gateways = gateways;
  }

  /**
   * Starts {@code count} gateways on ports {@code firstPort}, {@code firstPort + 1}, … (free ports
   * when 0), with {@code heap} as their maximum heap, and waits until each is ready.
   */
  public static GatewayFleet start(int count, int firstPort, String heap, Map<String, String> environment, Path logDir,
      Duration timeout) throws IOException, InterruptedException {
    List<Gateway> started = new ArrayList<>();
    GatewayFleet fleet = new GatewayFleet(started);
    try {
      for (int i = 0; i < count; i++) {
        int port = firstPort == 0 ? freePort() : firstPort + i;
        Path log = logDir.resolve("gateway-" + i + ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), "chat.gateway.Main"))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("CHAT_GATEWAY_ID", "capacity-" + i);
        int healthPort = freePort();
        builder.environment().put("CHAT_HTTP_HOST", "127.0.0.1");
        builder.environment().put("CHAT_HTTP_PORT", Integer.toString(healthPort));
        builder.environment().put("CHAT_WEBSOCKET_HOST", "127.0.0.1");
        builder.environment().put("CHAT_WEBSOCKET_PORT", Integer.toString(port));
        builder.environment().put("CHAT_PUBLIC_URL", "ws://127.0.0.1:" + port + "/v1/ws");
        started.add(new Gateway(builder.start(), port, healthPort, log));
      }
      for (Gateway gateway : started) {
        awaitReady(gateway, timeout);
      }
      return fleet;
    } catch (IOException | InterruptedException | RuntimeException e) {
      fleet.close();
      throw e;
    }
  }

  public List<String> urls() {
    return gateways.stream().map(Gateway::url).toList();
  }

  public List<Long> pids() {
    return gateways.stream().map(g -> g.process().pid()).toList();
  }

  /** Asks every gateway to stop (SIGTERM: they leave discovery and report their connections gone), then waits. */
  @Override
  public void close() throws InterruptedException {
    gateways.forEach(g -> g.process().destroy());
    for (Gateway gateway : gateways) {
      if (!gateway.process().waitFor(30, TimeUnit.SECONDS)) {
        gateway.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The gateways' own count of the connections they saw closed, by cause (their {@code /metrics}), summed. */
  public Map<String, Long> closesByCause() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Map<String, Long> closes = GatewayCloses.none();
    for (Gateway gateway : gateways) {
      HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.healthPort() + "/metrics"))
          .timeout(Duration.ofSeconds(10)).build();
      GatewayCloses.add(closes, http.send(metrics, HttpResponse.BodyHandlers.ofString()).body());
    }
    return closes;
  }

  private static void awaitReady(Gateway gateway, Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.healthPort() + "/readyz"))
        .timeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (!gateway.process().isAlive()) {
        throw new IllegalStateException("gateway on port " + gateway.port() + " exited; see " + gateway.log());
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gateway on port " + gateway.port() + " not ready after " + timeout + "; see " + gateway.log());
      }
      Thread.sleep(250); // polling a child process's readiness; there is nothing to be notified by
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
