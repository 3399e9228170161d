package chat.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A WebSocket client of the chat protocol for tests: sends frames, records every frame received,
 * and, like a real client, pings at the interval the {@code welcome} frame gives (unless made
 * silent, to play a client that stops heartbeating).
 */
final class TestClient implements AutoCloseable {

  private final Vertx vertx;
  private final WebSocketClient client;
  private final WebSocket socket;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();
  private final boolean heartbeating;
  private volatile long heartbeatTimer = -1;

  private TestClient(Vertx vertx, WebSocketClient client, WebSocket socket, boolean heartbeating) {
    this.vertx = vertx;
    this.client = client;
    this.socket = socket;
    this.heartbeating = heartbeating;
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      received.add(frame);
      if ("welcome".equals(frame.getString("type"))) {
        heartbeatTimer = vertx.setPeriodic(frame.getLong("heartbeat_interval_ms"), id -> {
          if (this.heartbeating && !socket.isClosed()) {
            socket.writeTextMessage("{\"type\":\"ping\"}");
          }
        });
      }
    });
  }

  /**
   * Clients of {@link #open}, kept referenced: Vert.x shuts a client down when it is garbage
   * collected, closing its sockets and aborting its handshakes.
   */
  private static final List<WebSocketClient> OPENERS = new CopyOnWriteArrayList<>();

  static Future<WebSocket> open(Vertx vertx, int port, String query) {
    WebSocketClient client = vertx.createWebSocketClient();
    OPENERS.add(client);
    return client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI("/v1/ws" + query));
  }

  static TestClient connect(Vertx vertx, int port, String token, String device) throws Exception {
    return connect(vertx, port, token, device, true);
  }

  /** A client that never pings: the gateway closes it after the idle timeout. */
  static TestClient connectSilent(Vertx vertx, int port, String token, String device) throws Exception {
    return connect(vertx, port, token, device, false);
  }

  /**
   * Connects from an event loop and installs the frame handler as the handshake completes, on
   * that same loop, so that not even the first frame (the welcome) can arrive before the handler.
   */
  private static TestClient connect(Vertx vertx, int port, String token, String device, boolean heartbeating) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    CompletableFuture<TestClient> connected = new CompletableFuture<>();
    vertx.runOnContext(v -> client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
            .setURI("/v1/ws?device=" + device).addHeader("Authorization", "Bearer " + token))
        .onSuccess(socket -> connected.complete(new TestClient(vertx, client, socket, heartbeating)))
        .onFailure(connected::completeExceptionally));
    return connected.get(10, TimeUnit.SECONDS);
  }

  /** The close code the server sent, once closed. */
  Short closeStatus() {
    return socket.closeStatusCode();
  }

  /** Writes without waiting, for use from an event loop. */
  void write(String text) {
    socket.writeTextMessage(text);
  }

  void sendText(String text) throws Exception {
    socket.writeTextMessage(text).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  void send(JsonObject frame) throws Exception {
    sendText(frame.encode());
  }

  /** Waits until a frame matching {@code match} has been received, and returns the first such frame. */
  JsonObject awaitFrame(Predicate<JsonObject> match) {
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10))
        .untilAsserted(() -> assertThat(received).as("frames received so far").anyMatch(match));
    return received.stream().filter(match).findFirst().orElseThrow();
  }

  List<JsonObject> received(Predicate<JsonObject> match) {
    return received.stream().filter(match).toList();
  }

  static Predicate<JsonObject> type(String type) {
    return frame -> type.equals(frame.getString("type"));
  }

  boolean isClosed() {
    return socket.isClosed();
  }

  @Override
  public void close() {
    vertx.cancelTimer(heartbeatTimer);
    socket.close();
    client.close();
  }
}
