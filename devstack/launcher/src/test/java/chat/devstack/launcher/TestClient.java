package chat.devstack.launcher;

import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A WebSocket client of the chat protocol for tests: sends frames, records every frame received. */
final class TestClient implements AutoCloseable {

  private final WebSocketClient client;
  private final WebSocket socket;
  private final List<JsonObject> received = new CopyOnWriteArrayList<>();

  private TestClient(WebSocketClient client, WebSocket socket) {
    this.client = client;
    this.socket = socket;
    socket.textMessageHandler(text -> received.add(new JsonObject(text)));
  }

  static Future<WebSocket> open(Vertx vertx, int port, String query) {
    return vertx.createWebSocketClient().connect(new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI("/v1/ws" + query));
  }

  static TestClient connect(Vertx vertx, int port, String token, String device) throws Exception {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocket socket = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
            .setURI("/v1/ws?device=" + device).addHeader("Authorization", "Bearer " + token))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new TestClient(client, socket);
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
        .until(() -> received.stream().anyMatch(match));
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
    socket.close();
    client.close();
  }
}
