package chat.devstack.launcher;

import static chat.devstack.launcher.TestClient.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.Endpoints;
import chat.devstack.engines.EngineConfigs;
import chat.runtime.redis.RedisClients;
import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.MessageSequenced;
import chat.stores.RedisKeys;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton through real engines: gateway → chat.inbound → sequencer → chat.messages →
 * persister (Cassandra) and router (Redis) → gateway → the other user's socket.
 */
class EndToEndMessageIT {

  private static final AtomicInteger USERS = new AtomicInteger();
  private static Vertx vertx;
  private static WebClient http;
  private static LocalSystem.Running system;

  private static Endpoints engines;
  /** A second gateway, so that one user's devices can sit on different gateways. */
  private static int secondGatewayPort;

  @BeforeAll
  static void startEverything() throws Exception {
    vertx = Vertx.vertx();
    TestSystem started = TestSystem.start(vertx);
    engines = started.engines();
    system = started.running();
    secondGatewayPort = started.secondGatewayPort();
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(system.apiPort()));
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  record User(long id, String token) {}

  private static User newUser() throws Exception {
    String name = "user_" + USERS.incrementAndGet() + "_" + (System.nanoTime() % 100_000);
    JsonObject credentials = new JsonObject().put("username", name).put("password", "correct horse battery");
    JsonObject session = call(http.post("/v1/accounts").sendJsonObject(credentials), 201); // signing up logs in
    return new User(session.getLong("user_id"), session.getString("token"));
  }

  private static long directChannel(User me, User peer) throws Exception {
    return call(http.post("/v1/channels/direct").bearerTokenAuthentication(me.token())
        .sendJsonObject(new JsonObject().put("peer", peer.id())), 200).getLong("channel_id");
  }

  private static JsonObject call(io.vertx.core.Future<HttpResponse<Buffer>> request, int expectedStatus) throws Exception {
    HttpResponse<Buffer> response = request.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(expectedStatus);
    return response.bodyAsJsonObject();
  }

  private static JsonObject send(long channel, UUID clientMsgId, String body) {
    return new JsonObject().put("type", "send").put("channel", channel)
        .put("client_msg_id", clientMsgId.toString()).put("body", body);
  }

  @Test
  void a_message_reaches_the_other_user_with_seq_1_and_can_be_read_back_from_history() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);
    UUID id = UUID.randomUUID();

    try (TestClient alicePhone = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient bobLaptop = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "laptop")) {
      alicePhone.send(send(channel, id, "hello bob"));

      JsonObject accepted = alicePhone.awaitFrame(type("accepted"));
      assertThat(accepted.getString("client_msg_id")).isEqualTo(id.toString());

      JsonObject received = bobLaptop.awaitFrame(type("message"));
      assertThat(received.getLong("channel")).isEqualTo(channel);
      assertThat(received.getLong("seq")).isEqualTo(1);
      assertThat(received.getLong("sender")).isEqualTo(alice.id());
      assertThat(received.getString("body")).isEqualTo("hello bob");
      assertThat(received.getString("client_msg_id")).isEqualTo(id.toString());

      JsonObject echo = alicePhone.awaitFrame(type("message"));
      assertThat(echo.getLong("seq")).as("the sender's own device gets the message, with its seq").isEqualTo(1);
    }

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonArray history = call(http.get("/v1/channels/" + channel + "/messages").bearerTokenAuthentication(bob.token()).send(), 200)
          .getJsonArray("messages");
      assertThat(history).hasSize(1);
      assertThat(history.getJsonObject(0).getLong("seq")).isEqualTo(1);
      assertThat(history.getJsonObject(0).getString("body")).isEqualTo("hello bob");
    });
  }

  @Test
  void the_router_delivers_what_the_sequencer_wrote_before_it_commits_and_history_keeps_only_committed_messages()
      throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);
    Properties producer = new Properties();
    producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EngineConfigs.kafka(engines).bootstrapServers);
    producer.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "e2e-open-transaction-" + UUID.randomUUID());
    producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

    try (KafkaProducer<String, String> sequencerLike = new KafkaProducer<>(producer);
         TestClient bobLaptop = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "laptop")) {
      sequencerLike.initTransactions();
      sequencerLike.beginTransaction();
      long now = System.currentTimeMillis();
      MessageSequenced open = new MessageSequenced(channel, 1, alice.id(), "phone", UUID.randomUUID(), "not committed", now, now);
      sequencerLike.send(new ProducerRecord<>(Topics.MESSAGES, Long.toString(channel), Json.encode(open)));
      sequencerLike.flush();

      JsonObject live = bobLaptop.awaitFrame(type("message"));
      assertThat(live.getString("body")).as("delivered while its transaction is open").isEqualTo("not committed");
      sequencerLike.abortTransaction();
    }

    try (TestClient alicePhone = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone")) {
      alicePhone.send(send(channel, UUID.randomUUID(), "committed"));
      alicePhone.awaitFrame(type("accepted"));
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonArray history = call(http.get("/v1/channels/" + channel + "/messages").bearerTokenAuthentication(bob.token()).send(), 200)
          .getJsonArray("messages");
      assertThat(history).extracting(m -> ((JsonObject) m).getLong("seq") + ":" + ((JsonObject) m).getString("body"))
          .containsExactly("1:committed");
    });
  }

  @Test
  void the_sequencers_remembered_sends_are_dropped_by_age_and_never_compacted() throws Exception {
    ConfigResource changelog = new ConfigResource(ConfigResource.Type.TOPIC, "chat-sequencer-recent-sends-by-time-changelog");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EngineConfigs.kafka(engines).bootstrapServers))) {
      Config config = admin.describeConfigs(List.of(changelog)).all().get(30, TimeUnit.SECONDS).get(changelog);

      assertThat(config.get("cleanup.policy").value()).isEqualTo("delete");
      assertThat(Long.parseLong(config.get("retention.ms").value())).as("the dedupe window and its margin")
          .isGreaterThanOrEqualTo(Duration.ofHours(24).toMillis());
    }
  }

  @Test
  void seqs_of_a_channel_run_one_two_three_in_send_order() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient b = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "phone")) {
      for (int i = 1; i <= 3; i++) {
        a.send(send(channel, UUID.randomUUID(), "m" + i));
        int sent = i;
        a.awaitFrame(f -> "accepted".equals(f.getString("type")) && a.received(type("accepted")).size() >= sent);
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> b.received(type("message")).size() == 3);
      assertThat(b.received(type("message"))).extracting(f -> f.getLong("seq") + ":" + f.getString("body"))
          .containsExactly("1:m1", "2:m2", "3:m3");
    }
  }

  @Test
  void the_latest_page_is_kept_in_redis_and_a_cache_that_expired_is_refilled_from_history() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);
    Redis redis = RedisClients.commands(vertx, EngineConfigs.redis(engines));
    Request cached = Request.cmd(Command.ZCARD).arg(RedisKeys.recentMessages(channel));

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone")) {
      for (int i = 1; i <= 3; i++) {
        a.send(send(channel, UUID.randomUUID(), "m" + i));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> redis.send(cached).toCompletionStage().toCompletableFuture()
          .get().toInteger() == 3);
      redis.send(Request.cmd(Command.DEL).arg(RedisKeys.recentMessages(channel))).toCompletionStage().toCompletableFuture().get();

      a.send(send(channel, UUID.randomUUID(), "m4"));
      await().atMost(Duration.ofSeconds(20)).until(() -> redis.send(cached).toCompletionStage().toCompletableFuture()
          .get().toInteger() == 4);
    }
    JsonArray latest = call(http.get("/v1/channels/" + channel + "/messages?limit=3").bearerTokenAuthentication(bob.token()).send(), 200)
        .getJsonArray("messages");
    assertThat(latest.stream().map(m -> ((JsonObject) m).getString("body"))).containsExactly("m4", "m3", "m2");
    JsonArray older = call(http.get("/v1/channels/" + channel + "/messages?before=2").bearerTokenAuthentication(bob.token()).send(), 200)
        .getJsonArray("messages");
    assertThat(older.stream().map(m -> ((JsonObject) m).getString("body"))).containsExactly("m1");
  }

  @Test
  void sends_fired_back_to_back_keep_the_senders_order_in_their_seqs() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient b = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "phone")) {
      for (int i = 1; i <= 30; i++) {
        a.send(send(channel, UUID.randomUUID(), Integer.toString(i)));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> b.received(type("message")).size() == 30);

      assertThat(b.received(type("message"))).allSatisfy(m -> assertThat(m.getString("body")).isEqualTo(m.getLong("seq").toString()));
    }
  }

  @Test
  void a_send_retried_before_or_after_its_accepted_makes_one_message() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);
    UUID id = UUID.randomUUID();

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient b = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "phone")) {
      UUID racing = UUID.randomUUID();
      a.send(send(channel, racing, "twice at once")); // a retry before the first accepted arrived
      a.send(send(channel, racing, "twice at once"));
      a.send(send(channel, id, "once"));
      a.awaitFrame(f -> "accepted".equals(f.getString("type")) && id.toString().equals(f.getString("client_msg_id")));
      a.send(send(channel, id, "once")); // a retry after the first accepted
      await().atMost(Duration.ofSeconds(20)).until(() -> a.received(type("accepted")).size() == 4);
      a.send(send(channel, UUID.randomUUID(), "next"));

      JsonObject next = b.awaitFrame(f -> "next".equals(f.getString("body")));
      assertThat(next.getLong("seq")).isEqualTo(3);
      assertThat(b.received(type("message"))).extracting(f -> f.getString("body")).containsExactly("twice at once", "once", "next");
    }
  }

  @Test
  void bad_frames_get_error_frames_with_stable_codes_and_the_connection_stays_usable() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone")) {
      a.sendText("this is not json");
      assertThat(a.awaitFrame(type("error")).getString("code")).isEqualTo("malformed_json");

      a.send(new JsonObject().put("type", "dance"));
      a.awaitFrame(f -> "unknown_type".equals(f.getString("code")));

      a.send(new JsonObject().put("type", "send").put("channel", channel).put("body", "no id"));
      JsonObject missing = a.awaitFrame(f -> "invalid_frame".equals(f.getString("code")));
      assertThat(missing.getString("message")).contains("client_msg_id");

      a.send(send(channel, UUID.randomUUID(), "x".repeat(16385)));
      a.awaitFrame(f -> "body_too_large".equals(f.getString("code")));

      UUID toNowhere = UUID.randomUUID();
      a.send(send(987_654_321L, toNowhere, "unknown channel"));
      a.awaitFrame(f -> "not_a_member".equals(f.getString("code")) && toNowhere.toString().equals(f.getString("ref")));

      UUID good = UUID.randomUUID();
      a.send(send(channel, good, "still here"));
      assertThat(a.awaitFrame(type("accepted")).getString("client_msg_id")).isEqualTo(good.toString());
      assertThat(a.isClosed()).isFalse();
    }

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      String metrics = WebClient.create(vertx).get(system.gatewayHealthPort(), "127.0.0.1", "/metrics").send()
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).bodyAsString();
      assertThat(metrics).as("error frames are counted by code").containsPattern("chat_gateway_errors_total\\{code=\"malformed_json\"} [1-9]");
      assertThat(metrics).containsPattern("chat_gateway_connections_closed_total\\{cause=\"client\"} [1-9]");
      assertThat(metrics).containsPattern("chat_gateway_send_accepted_seconds_count [1-9]");
    });
  }

  @Test
  void a_user_who_is_not_a_member_cannot_send_to_the_channel() throws Exception {
    User alice = newUser();
    User bob = newUser();
    User mallory = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient m = TestClient.connect(vertx, system.gatewayPort(), mallory.token(), "phone")) {
      UUID id = UUID.randomUUID();
      m.send(send(channel, id, "let me in"));
      JsonObject error = m.awaitFrame(type("error"));
      assertThat(error.getString("code")).isEqualTo("not_a_member");
      assertThat(error.getString("ref")).isEqualTo(id.toString());
    }
    call(http.get("/v1/channels/" + channel + "/messages").bearerTokenAuthentication(mallory.token()).send(), 403);
  }

  @Test
  void a_missing_malformed_wrongly_signed_or_logged_out_token_is_refused_at_the_handshake_with_401() throws Exception {
    String wronglySigned = new chat.runtime.auth.Tokens(vertx, wrongKey()).issue(1, UUID.randomUUID());
    User loggedOut = newUser();
    call(http.delete("/v1/sessions/current").bearerTokenAuthentication(loggedOut.token()).send(), 204);

    for (String query : new String[] {"", "?access_token=not.a.jwt", "?access_token=" + wronglySigned,
        "?access_token=" + loggedOut.token()}) {
      ExecutionException refused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
          () -> TestClient.open(vertx, system.gatewayPort(), query).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
      assertThat(refused.getCause()).isInstanceOf(UpgradeRejectedException.class);
      assertThat(((UpgradeRejectedException) refused.getCause()).getStatus()).as(query).isEqualTo(401);
    }
  }

  @Test
  void a_group_message_reaches_every_member_and_a_removed_member_can_no_longer_send() throws Exception {
    User owner = newUser();
    User ann = newUser();
    User ben = newUser();
    long group = call(http.post("/v1/channels").bearerTokenAuthentication(owner.token())
        .sendJsonObject(new JsonObject().put("name", "trio").put("members", new JsonArray().add(ann.id()).add(ben.id()))), 201)
        .getLong("channel_id");

    try (TestClient o = TestClient.connect(vertx, system.gatewayPort(), owner.token(), "phone");
         TestClient a = TestClient.connect(vertx, system.gatewayPort(), ann.token(), "phone");
         TestClient b = TestClient.connect(vertx, system.gatewayPort(), ben.token(), "phone")) {
      o.send(send(group, UUID.randomUUID(), "hello all"));
      assertThat(a.awaitFrame(type("message")).getLong("seq")).isEqualTo(1);
      assertThat(b.awaitFrame(type("message")).getLong("seq")).isEqualTo(1);

      call(http.delete("/v1/channels/" + group + "/members/" + ben.id()).bearerTokenAuthentication(owner.token()).send(), 204);
      b.send(send(group, UUID.randomUUID(), "am I still here?"));
      assertThat(b.awaitFrame(type("error")).getString("code")).isEqualTo("not_a_member");

      o.send(send(group, UUID.randomUUID(), "after ben left"));
      assertThat(a.awaitFrame(f -> "after ben left".equals(f.getString("body"))).getLong("seq")).isEqualTo(2);
      b.send(new JsonObject().put("type", "sync"));
      b.awaitFrame(type("synced"));
      assertThat(b.received(f -> "after ben left".equals(f.getString("body")))).as("a removed member stops receiving").isEmpty();
    }

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonObject listed = call(http.get("/v1/channels").bearerTokenAuthentication(ann.token()).send(), 200)
          .getJsonArray("channels").getJsonObject(0);
      assertThat(listed.getLong("head_seq")).isEqualTo(2);
      assertThat(listed.getLong("unread")).isEqualTo(2);
    });
  }

  @Test
  void a_laptop_offline_during_sends_converges_with_the_phone_on_another_gateway_by_sync() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient alicePhone = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient bobPhone = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "phone")) {
      for (int i = 1; i <= 3; i++) {
        alicePhone.send(send(channel, UUID.randomUUID(), "m" + i));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> bobPhone.received(type("message")).size() == 3);

      try (TestClient bobLaptop = TestClient.connect(vertx, secondGatewayPort, bob.token(), "laptop")) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
          bobLaptop.send(new JsonObject().put("type", "sync"));
          JsonObject synced = bobLaptop.awaitFrame(type("synced"));
          JsonObject state = synced.getJsonArray("channels").getJsonObject(0);
          assertThat(state.getLong("head")).isEqualTo(3);
          assertThat(state.getJsonArray("messages")).extracting(m -> ((JsonObject) m).getString("body")).containsExactly("m1", "m2", "m3");
        });

        bobLaptop.send(new JsonObject().put("type", "sync").put("cursors", new JsonObject().put(Long.toString(channel), 1)).put("limit", 1));
        JsonObject page = bobLaptop.awaitFrame(f -> "synced".equals(f.getString("type"))
            && f.getJsonArray("channels").getJsonObject(0).getBoolean("has_more"));
        assertThat(page.getJsonArray("channels").getJsonObject(0).getJsonArray("messages").getJsonObject(0).getLong("seq")).isEqualTo(2);

        alicePhone.send(send(channel, UUID.randomUUID(), "live on both"));
        assertThat(bobLaptop.awaitFrame(f -> "live on both".equals(f.getString("body"))).getLong("seq")).isEqualTo(4);
        assertThat(bobPhone.awaitFrame(f -> "live on both".equals(f.getString("body"))).getLong("seq")).isEqualTo(4);
      }
    }
  }

  @Test
  void a_gap_in_seq_is_filled_by_asking_for_history_after_the_last_seq_seen() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);
    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone")) {
      for (int i = 1; i <= 4; i++) {
        a.send(send(channel, UUID.randomUUID(), "m" + i));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> a.received(type("message")).size() == 4);
    }

    try (TestClient b = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "phone")) {
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
        b.send(new JsonObject().put("type", "history").put("channel", channel).put("after", 1).put("limit", 2));
        JsonObject page = b.awaitFrame(f -> "history_page".equals(f.getString("type")) && f.getLong("head") == 4);
        assertThat(page.getJsonArray("messages")).extracting(m -> ((JsonObject) m).getLong("seq")).containsExactly(2L, 3L);
      });
      b.send(new JsonObject().put("type", "history").put("channel", channel).put("before", 3));
      JsonObject older = b.awaitFrame(f -> "history_page".equals(f.getString("type"))
          && f.getJsonArray("messages").size() == 2 && f.getJsonArray("messages").getJsonObject(0).getLong("seq") == 1);
      assertThat(older.getJsonArray("messages")).extracting(m -> ((JsonObject) m).getLong("seq")).containsExactly(1L, 2L);

      b.send(new JsonObject().put("type", "history").put("channel", channel).put("around", 2).put("limit", 3));
      JsonObject around = b.awaitFrame(f -> "history_page".equals(f.getString("type")) && f.getJsonArray("messages").size() == 3);
      assertThat(around.getJsonArray("messages")).extracting(m -> ((JsonObject) m).getLong("seq")).containsExactly(1L, 2L, 3L);
    }

    String path = "/v1/channels/" + channel + "/messages";
    assertThat(call(http.get(path + "?after=2").bearerTokenAuthentication(bob.token()).send(), 200).getJsonArray("messages"))
        .extracting(m -> ((JsonObject) m).getLong("seq")).containsExactly(4L, 3L);
    assertThat(call(http.get(path + "?around=3&limit=3").bearerTokenAuthentication(bob.token()).send(), 200).getJsonArray("messages"))
        .extracting(m -> ((JsonObject) m).getLong("seq")).containsExactly(4L, 3L, 2L);
    assertThat(call(http.get(path + "?before=2").bearerTokenAuthentication(bob.token()).send(), 200).getJsonArray("messages"))
        .extracting(m -> ((JsonObject) m).getLong("seq")).containsExactly(1L);
    call(http.get(path + "?before=3&after=1").bearerTokenAuthentication(bob.token()).send(), 400);
  }

  @Test
  void history_and_sync_refuse_outsiders_and_malformed_requests_and_stay_usable() throws Exception {
    User alice = newUser();
    User bob = newUser();
    User eve = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient e = TestClient.connect(vertx, system.gatewayPort(), eve.token(), "phone")) {
      e.send(new JsonObject().put("type", "history").put("channel", channel));
      assertThat(e.awaitFrame(type("error")).getString("code")).isEqualTo("not_a_member");

      e.send(new JsonObject().put("type", "sync").put("cursors", new JsonObject().put("abc", 1)));
      e.awaitFrame(f -> "invalid_frame".equals(f.getString("code")) && f.getString("message").startsWith("cursors"));
      e.send(new JsonObject().put("type", "history").put("channel", channel).put("before", 5).put("after", 1));
      await().atMost(Duration.ofSeconds(10)).until(() -> e.received(f -> "invalid_frame".equals(f.getString("code"))).size() == 2);

      e.send(new JsonObject().put("type", "sync"));
      JsonObject synced = e.awaitFrame(type("synced"));
      assertThat(synced.getJsonArray("channels")).as("eve is in no channel").isEmpty();
    }
  }

  @Test
  void a_flood_beyond_the_rate_limit_gets_rate_limited_with_a_retry_after_and_others_are_unaffected() throws Exception {
    User flooder = newUser();
    User other = newUser();
    User peer = newUser();
    long floodChannel = directChannel(flooder, peer);
    long calmChannel = directChannel(other, peer);

    try (TestClient f = TestClient.connect(vertx, system.gatewayPort(), flooder.token(), "phone");
         TestClient o = TestClient.connect(vertx, system.gatewayPort(), other.token(), "phone")) {
      for (int i = 0; i < 100; i++) {
        f.sendText("{\"type\":\"nonsense\"}");
      }
      JsonObject limited = f.awaitFrame(e -> "rate_limited".equals(e.getString("code")));
      assertThat(limited.getLong("retry_after_ms")).isPositive();

      UUID calm = UUID.randomUUID();
      o.send(send(calmChannel, calm, "I am fine"));
      assertThat(o.awaitFrame(type("accepted")).getString("client_msg_id")).isEqualTo(calm.toString());

      await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
        UUID later = UUID.randomUUID();
        f.send(send(floodChannel, later, "after the pause"));
        f.awaitFrame(a -> "accepted".equals(a.getString("type")) && later.toString().equals(a.getString("client_msg_id")));
      });
      assertThat(f.isClosed()).isFalse();
    }
  }

  @Test
  void read_receipts_reach_the_members_never_move_back_and_set_the_unread_count() throws Exception {
    User alice = newUser();
    User bob = newUser();
    User eve = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient b = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "phone");
         TestClient bLaptop = TestClient.connect(vertx, secondGatewayPort, bob.token(), "laptop");
         TestClient e = TestClient.connect(vertx, system.gatewayPort(), eve.token(), "phone")) {
      for (int i = 1; i <= 3; i++) {
        a.send(send(channel, UUID.randomUUID(), "m" + i));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> b.received(type("message")).size() == 3);
      // a read is clamped to the head history holds, which trails live delivery a little
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(call(http.get("/v1/channels/" + channel + "/messages").bearerTokenAuthentication(bob.token()).send(), 200)
              .getJsonArray("messages")).hasSize(3));

      b.send(new JsonObject().put("type", "read").put("channel", channel).put("seq", 99));
      JsonObject receipt = a.awaitFrame(type("receipt"));
      assertThat(receipt.getLong("user")).isEqualTo(bob.id());
      assertThat(receipt.getLong("seq")).as("clamped to the head").isEqualTo(3);
      assertThat(bLaptop.awaitFrame(type("receipt")).getLong("seq")).as("the reader's other device learns it too").isEqualTo(3);

      b.send(new JsonObject().put("type", "read").put("channel", channel).put("seq", 1));
      await().atMost(Duration.ofSeconds(10)).until(() -> a.received(type("receipt")).stream().anyMatch(r -> r.getLong("seq") == 1));
      JsonObject listed = call(http.get("/v1/channels").bearerTokenAuthentication(bob.token()).send(), 200)
          .getJsonArray("channels").getJsonObject(0);
      assertThat(listed.getLong("unread")).as("the read position did not move back to 1").isZero();

      e.send(new JsonObject().put("type", "read").put("channel", channel).put("seq", 1));
      assertThat(e.awaitFrame(type("error")).getString("code")).isEqualTo("not_a_member");
    }
  }

  @Test
  void typing_reaches_the_other_members_only_and_is_throttled() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient b = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "phone")) {
      a.send(new JsonObject().put("type", "typing").put("channel", channel));
      JsonObject typing = b.awaitFrame(type("user_typing"));
      assertThat(typing.getLong("user")).isEqualTo(alice.id());

      a.send(new JsonObject().put("type", "typing").put("channel", channel));
      a.send(send(channel, UUID.randomUUID(), "done typing"));
      b.awaitFrame(f -> "done typing".equals(f.getString("body")));

      assertThat(b.received(type("user_typing"))).as("the second typing within 3 s was not passed on").hasSize(1);
      assertThat(a.received(type("user_typing"))).as("nobody is told about their own typing").isEmpty();
    }
  }

  @Test
  void members_without_a_connected_device_get_push_requests_with_their_unread_count_and_connected_ones_do_not() throws Exception {
    User alice = newUser();
    User bob = newUser();
    User carol = newUser();
    long group = call(http.post("/v1/channels").bearerTokenAuthentication(alice.token())
        .sendJsonObject(new JsonObject().put("name", "push").put("members", new JsonArray().add(bob.id()).add(carol.id()))), 201)
        .getLong("channel_id");
    java.util.List<JsonObject> pushes = new java.util.ArrayList<>();

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient c = TestClient.connect(vertx, system.gatewayPort(), carol.token(), "phone");
         org.apache.kafka.clients.consumer.KafkaConsumer<String, String> consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
             java.util.Map.of("bootstrap.servers", engines.kafkaBootstrap(), "group.id", "e2e-push-" + UUID.randomUUID(),
                 "auto.offset.reset", "earliest", "isolation.level", "read_committed",
                 "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                 "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"))) {
      consumer.subscribe(java.util.List.of("chat.push"));
      a.send(send(group, UUID.randomUUID(), "one"));
      a.send(send(group, UUID.randomUUID(), "two"));
      await().atMost(Duration.ofSeconds(20)).until(() -> c.received(type("message")).size() == 2);

      await().atMost(Duration.ofSeconds(30)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> {
          JsonObject push = new JsonObject(r.value());
          if (push.getLong("channel_id") == group) {
            pushes.add(push);
          }
        });
        return pushes.stream().filter(p -> p.getLong("user_id") == bob.id()).count() == 2;
      });
      consumer.poll(Duration.ofMillis(500)).forEach(r -> {
        JsonObject push = new JsonObject(r.value());
        if (push.getLong("channel_id") == group) {
          pushes.add(push);
        }
      });
    }

    assertThat(pushes).extracting(p -> p.getLong("user_id") + ":" + p.getLong("seq") + ":" + p.getLong("unread"))
        .containsExactlyInAnyOrder(bob.id() + ":1:1", bob.id() + ":2:2");
  }

  @Test
  void a_gateway_whose_delivery_subscription_is_cut_subscribes_again_and_delivers() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient b = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "phone")) {
      a.send(send(channel, UUID.randomUUID(), "before"));
      b.awaitFrame(f -> "before".equals(f.getString("body")));

      io.vertx.redis.client.Redis redis = io.vertx.redis.client.Redis.createClient(vertx, engines.redisUri());
      redis.send(io.vertx.redis.client.Request.cmd(io.vertx.redis.client.Command.CLIENT).arg("KILL").arg("TYPE").arg("pubsub"))
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      redis.close();

      java.util.concurrent.atomic.AtomicInteger probe = new java.util.concurrent.atomic.AtomicInteger();
      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
        a.send(send(channel, UUID.randomUUID(), "probe " + probe.incrementAndGet()));
        return !b.received(f -> f.getString("body") != null && f.getString("body").startsWith("probe")).isEmpty();
      });
    }
  }

  @Test
  void a_client_found_through_discovery_connects_with_its_ticket_and_the_ticket_works_once() throws Exception {
    User alice = newUser();
    JsonObject found = call(http.get("/v1/discovery").bearerTokenAuthentication(alice.token()).send(), 200);
    assertThat(found.getString("gateway_id")).isIn("gw-local", "gw-second");
    java.net.URI url = java.net.URI.create(found.getString("url"));
    int port = url.getPort();
    String query = "?" + url.getRawQuery();
    assertThat(port).isEqualTo(found.getString("gateway_id").equals("gw-local") ? system.gatewayPort() : secondGatewayPort);
    assertThat(query).startsWith("?ticket=");

    io.vertx.core.http.WebSocket socket = TestClient.open(vertx, port, query + "&device=browser")
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(socket.isClosed()).isFalse();
    socket.close();

    ExecutionException reused = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
        () -> TestClient.open(vertx, port, query).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    assertThat(((UpgradeRejectedException) reused.getCause()).getStatus()).isEqualTo(401);
  }

  private static chat.runtime.config.AuthConfig wrongKey() {
    chat.runtime.config.AuthConfig config = new chat.runtime.config.AuthConfig();
    config.signingSecret = "another-secret-that-is-long-enough-0123456789";
    return config;
  }

  @Test
  void a_block_stops_sends_in_the_direct_channel_both_ways_until_it_is_lifted_and_history_stays_readable() throws Exception {
    User alice = newUser();
    User bob = newUser();
    long channel = directChannel(alice, bob);

    try (TestClient a = TestClient.connect(vertx, system.gatewayPort(), alice.token(), "phone");
         TestClient b = TestClient.connect(vertx, system.gatewayPort(), bob.token(), "phone")) {
      b.send(send(channel, UUID.randomUUID(), "before the block"));
      a.awaitFrame(type("message"));

      call(http.put("/v1/blocks/" + bob.id()).bearerTokenAuthentication(alice.token()).send(), 204);
      UUID refused = UUID.randomUUID();
      b.send(send(channel, refused, "after the block"));
      JsonObject error = b.awaitFrame(f -> "error".equals(f.getString("type")) && refused.toString().equals(f.getString("ref")));
      assertThat(error.getString("code")).isEqualTo("blocked");
      UUID alsoRefused = UUID.randomUUID();
      a.send(send(channel, alsoRefused, "the blocker cannot write either"));
      assertThat(a.awaitFrame(f -> alsoRefused.toString().equals(f.getString("ref"))).getString("code")).isEqualTo("blocked");
      // history holds a message a little after it went out live
      await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
          assertThat(call(http.get("/v1/channels/" + channel + "/messages").bearerTokenAuthentication(alice.token()).send(), 200)
              .getJsonArray("messages")).as("history stays readable").isNotEmpty());

      http.delete("/v1/blocks/" + bob.id()).bearerTokenAuthentication(alice.token()).send()
          .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      UUID again = UUID.randomUUID();
      b.send(send(channel, again, "after the unblock"));
      assertThat(b.awaitFrame(f -> "accepted".equals(f.getString("type")) && again.toString().equals(f.getString("client_msg_id"))))
          .isNotNull();
      assertThat(b.received(type("message"))).extracting(f -> f.getString("body")).doesNotContain("after the block");
    }
  }
}
