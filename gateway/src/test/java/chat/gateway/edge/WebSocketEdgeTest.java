package chat.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import chat.runtime.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The WebSocket edge on its own, with the gateway's side played by a recording {@link Upgrades}. */
class WebSocketEdgeTest {

  private static final int MAX_MESSAGE = 4096;

  private Vertx vertx;
  private WebSocketEdge edge;
  private int port;
  /** Kept referenced: Vert.x shuts a client down when it is garbage collected, closing its sockets. */
  private WebSocketClient clients;
  private final Recording upgrades = new Recording();

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    ContextInternal context = (ContextInternal) vertx.getOrCreateContext();
    edge = new WebSocketEdge(context, upgrades, new WebSocketEdge.Settings("127.0.0.1", 0, "/v1/ws", MAX_MESSAGE, 64 * 1024, 1_000));
    port = get(edge.listen());
    clients = vertx.createWebSocketClient();
  }

  @AfterEach
  void stop() throws Exception {
    get(edge.close());
    get(vertx.close());
  }

  @Test
  void an_admitted_client_opens_a_socket_and_its_text_messages_reach_the_gateway_whole() throws Exception {
    WebSocket client = connect("/v1/ws?user=7");
    assertThat(upgrades.admissions).containsExactly(new Upgrades.Admission(7, "dev"));

    client.writeTextMessage("hello");
    client.writeFrame(WebSocketFrame.textFrame("frag", false));
    client.writeFrame(WebSocketFrame.continuationFrame(Buffer.buffer("mented"), true));

    assertThat(upgrades.texts.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");
    assertThat(upgrades.texts.poll(5, TimeUnit.SECONDS)).isEqualTo("fragmented");
  }

  @Test
  void the_gateway_writes_text_to_the_client_as_a_string_or_as_shared_bytes_sent_at_the_flush() throws Exception {
    BlockingQueue<String> received = new LinkedBlockingQueue<>();
    WebSocket client = connect("/v1/ws?user=7");
    client.textMessageHandler(received::add);
    ClientSocket socket = upgrades.sockets.get(5, TimeUnit.SECONDS);

    io.netty.buffer.ByteBuf shared = io.netty.buffer.Unpooled.copiedBuffer("{\"type\":\"message\"}", java.nio.charset.StandardCharsets.UTF_8);
    vertx.runOnContext(v -> {
      socket.writeText("{\"type\":\"welcome\"}");
      socket.queueText(shared.retainedDuplicate());
      socket.queueText(shared.retainedDuplicate());
      shared.release();
    });

    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"welcome\"}");
    assertThat(received.poll(500, TimeUnit.MILLISECONDS)).as("nothing before the flush").isNull();
    vertx.runOnContext(v -> socket.flush());
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"message\"}");
    assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"type\":\"message\"}");
    await().atMost(Duration.ofSeconds(5)).until(() -> shared.refCnt() == 0);
  }

  @Test
  void an_admission_slower_than_the_handshake_timeout_still_opens_the_socket() throws Exception {
    WebSocket client = connect("/v1/ws?user=8&slow=1");

    client.writeTextMessage("made it");
    assertThat(upgrades.texts.poll(5, TimeUnit.SECONDS)).isEqualTo("made it");
  }

  @Test
  void a_binary_message_is_reported_as_such() throws Exception {
    WebSocket client = connect("/v1/ws?user=7");
    client.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3}));

    await().atMost(Duration.ofSeconds(5)).until(() -> upgrades.binaries.get() == 1);
  }

  @Test
  void a_client_that_closes_is_reported_closed_once() throws Exception {
    WebSocket client = connect("/v1/ws?user=7");
    get(client.close());

    await().atMost(Duration.ofSeconds(5)).until(() -> upgrades.closes.get() == 1);
    ClientSocket socket = upgrades.sockets.get(5, TimeUnit.SECONDS);
    assertThat(socket.isClosed()).isTrue();
  }

  @Test
  void the_gateway_closes_a_socket_with_its_code_and_reason() throws Exception {
    WebSocket client = connect("/v1/ws?user=7");
    CompletableFuture<Short> code = new CompletableFuture<>();
    client.closeHandler(v -> code.complete(client.closeStatusCode()));
    ClientSocket socket = upgrades.sockets.get(5, TimeUnit.SECONDS);

    vertx.runOnContext(v -> socket.close((short) 4000, "idle"));

    assertThat(code.get(5, TimeUnit.SECONDS)).isEqualTo((short) 4000);
    assertThat(client.closeReason()).isEqualTo("idle");
    await().atMost(Duration.ofSeconds(5)).until(() -> upgrades.closes.get() == 1);
  }

  @Test
  void a_message_over_the_limit_closes_the_socket_with_1009() throws Exception {
    WebSocket client = connect("/v1/ws?user=7");
    CompletableFuture<Short> code = new CompletableFuture<>();
    client.closeHandler(v -> code.complete(client.closeStatusCode()));

    client.writeTextMessage("x".repeat(MAX_MESSAGE + 1));

    assertThat(code.get(5, TimeUnit.SECONDS)).isEqualTo((short) 1009);
    assertThat(upgrades.texts).isEmpty();
  }

  @Test
  void the_write_queue_is_full_when_the_client_stops_reading() throws Exception {
    WebSocket client = connect("/v1/ws?user=7");
    client.pause();
    ClientSocket socket = upgrades.sockets.get(5, TimeUnit.SECONDS);
    String chunk = "y".repeat(60_000);

    CompletableFuture<Integer> writesUntilFull = new CompletableFuture<>();
    vertx.runOnContext(v -> {
      int writes = 0;
      while (!socket.writeQueueFull() && writes < 2_000) {
        socket.writeText(chunk);
        writes++;
      }
      writesUntilFull.complete(socket.writeQueueFull() ? writes : -1);
    });

    assertThat(writesUntilFull.get(10, TimeUnit.SECONDS)).as("full before 120 MB were queued").isPositive();
    // the queued frames drain once the client reads again, then the close goes through
    CompletableFuture<Void> closed = new CompletableFuture<>();
    client.closeHandler(v -> closed.complete(null));
    client.resume();
    vertx.runOnContext(v -> socket.close((short) 1000, "done"));
    closed.get(10, TimeUnit.SECONDS);
  }

  @Test
  void a_refused_upgrade_gets_the_problem_and_no_socket() throws Exception {
    Response response = request(HttpMethod.GET, "/v1/ws?user=7&deny=1");

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).isEqualTo("application/problem+json");
    assertThat(new JsonObject(response.body()).getString("type")).endsWith("/unauthorized");
    assertThatThrownBy(() -> connect("/v1/ws?user=7&deny=1")).hasMessageContaining("401");
    assertThat(upgrades.sockets).isNotDone();
  }

  @Test
  void another_path_is_not_found_and_another_method_not_allowed() throws Exception {
    assertThat(request(HttpMethod.GET, "/metrics").status()).isEqualTo(404);
    assertThat(request(HttpMethod.POST, "/v1/ws?user=7").status()).isEqualTo(405);
    assertThat(upgrades.admissions).isEmpty();
  }

  @Test
  void a_connection_that_sends_no_request_is_closed_after_the_handshake_timeout_and_reported() throws Exception {
    CompletableFuture<Void> closed = new CompletableFuture<>();
    get(vertx.createNetClient().connect(port, "127.0.0.1")).closeHandler(v -> closed.complete(null));

    closed.get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> upgrades.timeouts.get() == 1);
  }

  private WebSocket connect(String uri) throws Exception {
    return get(clients.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri)));
  }

  private record Response(int status, String contentType, String body) {}

  private Response request(HttpMethod method, String uri) throws Exception {
    HttpClient http = vertx.createHttpClient();
    return get(http.request(new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(uri))
        .compose(request -> request.send())
        .compose(response -> response.body().map(body -> new Response(response.statusCode(),
            response.getHeader("content-type"), body.toString()))));
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** Admits {@code ?user=N} (device "dev", after 1.5 s with {@code ?slow}) unless {@code ?deny} is given; records what happens. */
  private final class Recording implements Upgrades {
    final List<Admission> admissions = new CopyOnWriteArrayList<>();
    final CompletableFuture<ClientSocket> sockets = new CompletableFuture<>();
    final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
    final AtomicInteger binaries = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger timeouts = new AtomicInteger();

    @Override
    public void timedOut() {
      timeouts.incrementAndGet();
    }

    @Override
    public Future<Admission> admit(UpgradeRequest request) {
      if (request.param("deny") != null || request.param("user") == null) {
        return Problem.unauthorized("no").asFuture();
      }
      Admission admission = new Admission(Long.parseLong(request.param("user")), "dev");
      admissions.add(admission);
      // ?slow: the admission takes longer than the handshake timeout (Redis and PostgreSQL under a burst)
      return request.param("slow") != null ? vertx.timer(1_500).map(admission) : Future.succeededFuture(admission);
    }

    @Override
    public SocketListener opened(Admission admission, ClientSocket socket) {
      sockets.complete(socket);
      return new SocketListener() {
        @Override
        public void onText(String text) {
          texts.add(text);
        }

        @Override
        public void onBinary() {
          binaries.incrementAndGet();
        }

        @Override
        public void onClosed() {
          closes.incrementAndGet();
        }
      };
    }
  }
}
