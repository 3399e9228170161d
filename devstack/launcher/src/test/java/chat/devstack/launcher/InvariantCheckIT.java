package chat.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An independent check of DESIGN §6 invariants 1–4 over a run with several concurrent senders,
 * a 100-member group, 1:1 channels, retried sends, users with two devices on two gateways and
 * devices that were offline during the sends. It judges only from what the clients sent and
 * received and what history (Cassandra, through the api) holds.
 */
class InvariantCheckIT {

  private static final String PASSWORD = "correct horse battery";
  private static final int GROUP_SIZE = 100;
  private static final int GROUP_SENDERS = 5;
  private static final int PER_SENDER = 15;
  private static final int PAIRS = 3;

  private static Vertx vertx;
  private static WebClient http;
  private static TestSystem system;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    system = TestSystem.start(vertx);
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(system.running().apiPort()));
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  record User(long id, String token) {}

  /** A sent message as the sender knows it. */
  record Sent(long channel, long sender, String clientMsgId, int order) {}

  private static <T> T get(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static List<User> users(int count) throws Exception {
    String run = "inv" + System.nanoTime() % 1_000_000;
    List<Future<HttpResponse<Buffer>>> signUps = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      signUps.add(http.post("/v1/accounts").sendJsonObject(new JsonObject().put("username", run + "_" + i).put("password", PASSWORD)));
    }
    get(Future.all(signUps)); // signing up logs in
    return signUps.stream().map(f -> {
      JsonObject session = f.result().bodyAsJsonObject();
      return new User(session.getLong("user_id"), session.getString("token"));
    }).toList();
  }

  private static JsonObject send(long channel, String clientMsgId, String body) {
    return new JsonObject().put("type", "send").put("channel", channel).put("client_msg_id", clientMsgId).put("body", body);
  }

  /** History as the api serves it, oldest first. */
  private static List<JsonObject> history(User reader, long channel) throws Exception {
    JsonArray page = get(http.get("/v1/channels/" + channel + "/messages?limit=200").bearerTokenAuthentication(reader.token()).send())
        .bodyAsJsonObject().getJsonArray("messages");
    List<JsonObject> messages = new ArrayList<>();
    page.forEach(m -> messages.add(0, (JsonObject) m));
    return messages;
  }

  @Test
  void accepted_messages_are_stored_once_with_dense_seqs_in_sender_order_and_reach_every_device() throws Exception {
    List<User> members = users(GROUP_SIZE);
    List<User> pairUsers = users(PAIRS * 2);
    User owner = members.get(0);
    JsonArray others = new JsonArray();
    members.subList(1, GROUP_SIZE).forEach(u -> others.add(u.id()));
    long group = get(http.post("/v1/channels").bearerTokenAuthentication(owner.token())
        .sendJsonObject(new JsonObject().put("name", "everyone").put("members", others))).bodyAsJsonObject().getLong("channel_id");
    List<Long> directs = new ArrayList<>();
    for (int p = 0; p < PAIRS; p++) {
      directs.add(get(http.post("/v1/channels/direct").bearerTokenAuthentication(pairUsers.get(2 * p).token())
          .sendJsonObject(new JsonObject().put("peer", pairUsers.get(2 * p + 1).id()))).bodyAsJsonObject().getLong("channel_id"));
    }

    // every member online with a phone on gateway 1; the first 10 also with a laptop on gateway 2
    Map<String, TestClient> devices = new LinkedHashMap<>();
    Map<String, Set<Long>> channelsOfDevice = new HashMap<>();
    for (int i = 0; i < GROUP_SIZE; i++) {
      User u = members.get(i);
      devices.put(u.id() + "/phone", TestClient.connect(vertx, system.running().gatewayPort(), u.token(), "phone"));
      channelsOfDevice.put(u.id() + "/phone", Set.of(group));
      if (i < 10) {
        devices.put(u.id() + "/laptop", TestClient.connect(vertx, system.secondGatewayPort(), u.token(), "laptop"));
        channelsOfDevice.put(u.id() + "/laptop", Set.of(group));
      }
    }
    for (int p = 0; p < PAIRS; p++) {
      for (int side = 0; side < 2; side++) {
        User u = pairUsers.get(2 * p + side);
        devices.put(u.id() + "/phone", TestClient.connect(vertx, system.running().gatewayPort(), u.token(), "phone"));
        channelsOfDevice.put(u.id() + "/phone", Set.of(directs.get(p)));
      }
    }
    // five laptops go offline before the sends and come back after them
    List<String> offline = devices.keySet().stream().filter(k -> k.endsWith("/laptop")).limit(5).toList();
    assertThat(offline).hasSize(5);
    offline.forEach(k -> devices.remove(k).close());

    // concurrent senders: 5 in the group, one side of each pair, the first pair retrying every send
    List<Sent> sent = new ArrayList<>();
    for (int n = 0; n < PER_SENDER; n++) {
      for (int s = 1; s <= GROUP_SENDERS; s++) {
        User sender = members.get(s);
        String id = UUID.randomUUID().toString();
        devices.get(sender.id() + "/phone").send(send(group, id, sender.id() + ":" + n));
        sent.add(new Sent(group, sender.id(), id, n));
      }
      for (int p = 0; p < PAIRS; p++) {
        User sender = pairUsers.get(2 * p);
        String id = UUID.randomUUID().toString();
        TestClient phone = devices.get(sender.id() + "/phone");
        phone.send(send(directs.get(p), id, sender.id() + ":" + n));
        if (p == 0) {
          phone.send(send(directs.get(p), id, sender.id() + ":" + n)); // a retry
        }
        sent.add(new Sent(directs.get(p), sender.id(), id, n));
      }
    }

    // every send is accepted (the retries too: once per attempt)
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      for (Sent s : sent) {
        TestClient phone = devices.get(s.sender() + "/phone");
        assertThat(phone.received(f -> "accepted".equals(f.getString("type")) && s.clientMsgId().equals(f.getString("client_msg_id"))))
            .as("accepted " + s).isNotEmpty();
      }
    });
    Map<Long, Integer> expectedCount = sent.stream().collect(Collectors.groupingBy(Sent::channel, Collectors.summingInt(s -> 1)));

    // invariants 1–3, from history
    for (Map.Entry<Long, Integer> channel : expectedCount.entrySet()) {
      User reader = channel.getKey() == group ? owner : pairUsers.get(2 * directs.indexOf(channel.getKey()));
      await().atMost(Duration.ofSeconds(60)).until(() -> history(reader, channel.getKey()).size() >= channel.getValue());
      List<JsonObject> stored = history(reader, channel.getKey());
      assertThat(stored).extracting(m -> m.getLong("seq")).as("seq dense from 1, no duplicate")
          .containsExactlyElementsOf(LongStream.rangeClosed(1, channel.getValue()).boxed().toList());
      Set<String> storedIds = stored.stream().map(m -> m.getString("client_msg_id")).collect(Collectors.toSet());
      List<Sent> ofChannel = sent.stream().filter(s -> s.channel() == channel.getKey()).toList();
      assertThat(storedIds).as("every accepted message is stored exactly once")
          .containsExactlyInAnyOrderElementsOf(ofChannel.stream().map(Sent::clientMsgId).toList());
      Map<String, Long> seqOf = stored.stream().collect(Collectors.toMap(m -> m.getString("client_msg_id"), m -> m.getLong("seq")));
      ofChannel.stream().collect(Collectors.groupingBy(Sent::sender)).forEach((sender, mine) ->
          assertThat(mine.stream().map(s -> seqOf.get(s.clientMsgId())).toList()).as("sender " + sender + " keeps its order").isSorted());
    }

    // invariant 4, live: every connected device got every message of its channel (deduplicated by seq)
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> devices.forEach((key, device) -> {
      for (Long channel : channelsOfDevice.get(key)) {
        Set<Long> seqs = device.received(f -> "message".equals(f.getString("type")) && f.getLong("channel").equals(channel))
            .stream().map(f -> f.getLong("seq")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(seqs).as(key + " in " + channel).hasSize(expectedCount.get(channel));
      }
    }));

    // invariant 4, by sync: the laptops that were offline catch up
    for (String key : offline) {
      long userId = Long.parseLong(key.substring(0, key.indexOf('/')));
      User user = members.stream().filter(u -> u.id() == userId).findFirst().orElseThrow();
      try (TestClient laptop = TestClient.connect(vertx, system.secondGatewayPort(), user.token(), "laptop")) {
        laptop.send(new JsonObject().put("type", "sync").put("limit", 200));
        JsonObject synced = laptop.awaitFrame(f -> "synced".equals(f.getString("type")));
        JsonObject state = synced.getJsonArray("channels").getJsonObject(0);
        assertThat(state.getLong("head")).isEqualTo(expectedCount.get(group).longValue());
        assertThat(state.getJsonArray("messages")).hasSize(expectedCount.get(group));
      }
    }
    devices.values().forEach(TestClient::close);
  }
}
