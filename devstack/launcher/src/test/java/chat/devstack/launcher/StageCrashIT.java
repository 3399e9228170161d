package chat.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.Endpoints;
import chat.devstack.engines.TestEngines;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Invariant 7: the sequencer, persister and router run in a separate JVM that is killed (SIGKILL,
 * no shutdown of any kind) while messages flow, then started again. No accepted message may be
 * lost, no seq duplicated or skipped, and the sender's order kept.
 */
class StageCrashIT {

  private static final String PASSWORD = "correct horse battery";
  private static final int MESSAGES = 60;

  private static Vertx vertx;
  private static WebClient http;
  private static Endpoints engines;
  private static LocalSystem.Running edge;
  private static ChildJvm pipeline;
  private static int generation;

  @BeforeAll
  static void start() throws Exception {
    engines = TestEngines.all();
    vertx = Vertx.vertx();
    edge = get(LocalSystem.deployEdge(vertx, engines, LocalSystem.StagePorts.RANDOM, TestSystem.FAST));
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(edge.apiPort()));
    pipeline = startPipeline();
  }

  @AfterAll
  static void stop() throws Exception {
    if (pipeline != null) {
      pipeline.kill();
    }
    get(vertx.close());
  }

  private static ChildJvm startPipeline() throws Exception {
    return ChildJvm.start("pipeline", engines, Path.of("target", "crash-state").toAbsolutePath().toString(),
        Path.of("target", "pipeline-" + ++generation + ".log"));
  }

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static JsonObject account() throws Exception {
    JsonObject credentials = new JsonObject().put("username", "crash" + UUID.randomUUID().toString().substring(0, 8)).put("password", PASSWORD);
    return get(http.post("/v1/accounts").sendJsonObject(credentials)).bodyAsJsonObject(); // signing up logs in
  }

  private static List<JsonObject> history(String token, long channel) throws Exception {
    JsonArray page = get(http.get("/v1/channels/" + channel + "/messages?limit=200").bearerTokenAuthentication(token).send())
        .bodyAsJsonObject().getJsonArray("messages");
    List<JsonObject> messages = new ArrayList<>();
    page.forEach(m -> messages.add(0, (JsonObject) m));
    return messages;
  }

  @Test
  void killing_the_pipeline_stages_mid_flow_loses_no_accepted_message_and_keeps_seqs_dense_and_in_order() throws Exception {
    JsonObject alice = account();
    JsonObject bob = account();
    long direct = get(http.post("/v1/channels/direct").bearerTokenAuthentication(alice.getString("token"))
        .sendJsonObject(new JsonObject().put("peer", bob.getLong("user_id")))).bodyAsJsonObject().getLong("channel_id");
    long group = get(http.post("/v1/channels").bearerTokenAuthentication(alice.getString("token"))
        .sendJsonObject(new JsonObject().put("name", "crash").put("members", new JsonArray().add(bob.getLong("user_id")))))
        .bodyAsJsonObject().getLong("channel_id");

    List<String[]> sent = new CopyOnWriteArrayList<>(); // channel, client_msg_id, order
    try (TestClient a = TestClient.connect(vertx, edge.gatewayPort(), alice.getString("token"), "phone")) {
      // a steady flow, 20 sends per second, alternating channels
      long timer = vertx.setPeriodic(50, id -> {
        int n = sent.size();
        if (n >= MESSAGES) {
          return;
        }
        long channel = n % 2 == 0 ? direct : group;
        String clientMsgId = UUID.randomUUID().toString();
        sent.add(new String[] {Long.toString(channel), clientMsgId, Integer.toString(n)});
        a.write(new JsonObject().put("type", "send").put("channel", channel).put("client_msg_id", clientMsgId).put("body", "n" + n).encode());
      });
      try {
        await().atMost(Duration.ofSeconds(30)).until(() -> a.received(TestClient.type("accepted")).size() >= MESSAGES / 3);
        pipeline.kill(); // SIGKILL in the middle of the flow
        assertThat(sent.size()).as("messages were still being sent when the stages died").isLessThan(MESSAGES);
        pipeline = startPipeline();
        await().atMost(Duration.ofSeconds(60)).until(() -> a.received(TestClient.type("accepted")).size() >= MESSAGES);
      } finally {
        vertx.cancelTimer(timer);
      }
    }

    for (long channel : List.of(direct, group)) {
      List<String[]> mine = sent.stream().filter(s -> Long.parseLong(s[0]) == channel).toList();
      await().atMost(Duration.ofSeconds(90)).until(() -> history(bob.getString("token"), channel).size() >= mine.size());
      List<JsonObject> stored = history(bob.getString("token"), channel);
      assertThat(stored).extracting(m -> m.getLong("seq")).as("dense seqs, none duplicated or skipped, channel " + channel)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, mine.size()).boxed().toList());
      Map<String, Long> seqOf = stored.stream().collect(Collectors.toMap(m -> m.getString("client_msg_id"), m -> m.getLong("seq")));
      assertThat(seqOf.keySet()).as("every accepted message stored exactly once")
          .containsExactlyInAnyOrderElementsOf(mine.stream().map(s -> s[1]).toList());
      assertThat(mine.stream().map(s -> seqOf.get(s[1])).toList()).as("the sender's order is kept").isSorted();
    }

    try (TestClient b = TestClient.connect(vertx, edge.gatewayPort(), bob.getString("token"), "laptop")) {
      b.send(new JsonObject().put("type", "sync").put("limit", 200));
      JsonObject synced = b.awaitFrame(TestClient.type("synced"));
      assertThat(synced.getJsonArray("channels")).allSatisfy(state ->
          assertThat(((JsonObject) state).getJsonArray("messages")).hasSize(MESSAGES / 2));
    }
  }
}
