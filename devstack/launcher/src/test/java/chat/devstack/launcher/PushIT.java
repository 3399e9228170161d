package chat.devstack.launcher;

import static chat.devstack.launcher.TestApi.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.EngineConfigs;
import chat.devstack.launcher.TestApi.User;
import chat.devstack.pushsandbox.Answer;
import chat.devstack.pushsandbox.ApnsEndpoint;
import chat.devstack.pushsandbox.PushSandbox;
import chat.devstack.pushsandbox.Received;
import chat.schemas.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Push notifications end to end: messages sent over the WebSocket, routed to chat.push for members
 * with no connected device, coalesced and delivered by the pusher to the push sandbox, whose Web
 * Push, FCM and APNs endpoints decrypt and verify what they get.
 */
class PushIT {

  private static final Duration QUIET = Duration.ofSeconds(3);
  private static Vertx vertx;
  private static PushSandbox sandbox;
  private static TestSystem system;
  private static TestApi api;

  @BeforeAll
  static void startEverything() throws Exception {
    vertx = Vertx.vertx();
    sandbox = sandbox(vertx);
    Path keys = Path.of("target", "push-keys");
    String serviceAccount = sandbox.writeServiceAccount(keys).toString();
    String apnsKey = sandbox.writeApnsKey(keys).toString();
    system = TestSystem.start(vertx, pusher -> {
      pusher.coalesceMillis = 1_500;
      pusher.maxAttempts = 3;
      pusher.retryBaseMillis = 200;
      pusher.webPush.vapidPublicKey = sandbox.vapidPublicKey();
      pusher.webPush.vapidPrivateKey = sandbox.vapidPrivateKey();
      pusher.webPush.trustAll = true;
      pusher.fcm.serviceAccountFile = serviceAccount;
      pusher.fcm.endpoint = sandbox.fcmEndpoint();
      pusher.apns.keyFile = apnsKey;
      pusher.apns.keyId = ApnsEndpoint.KEY_ID;
      pusher.apns.teamId = ApnsEndpoint.TEAM_ID;
      pusher.apns.topic = ApnsEndpoint.TOPIC;
      pusher.apns.productionEndpoint = sandbox.apnsEndpoint();
      pusher.apns.trustAll = true;
    });
    api = new TestApi(vertx, system.running().apiPort());
  }

  private static PushSandbox sandbox(Vertx vertx) throws Exception {
    return PushSandbox.start(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  @AfterEach
  void the_push_services_refused_nothing() {
    assertThat(sandbox.rejected()).isEmpty();
  }

  /** Registers a device with a push subscription; returns its device id. */
  private static String device(User user, String platform, JsonObject push) throws Exception {
    return Long.toString(call(api.http().post("/v1/devices").bearerTokenAuthentication(user.token())
        .sendJsonObject(new JsonObject().put("name", platform).put("platform", platform).put("push", push)), 201)
        .getLong("device_id"));
  }

  private static JsonObject webPush(String id) {
    return sandbox.webPushSubscription(id).put("kind", "webpush");
  }

  private static void sendFrom(User sender, long channel, int count) throws Exception {
    try (TestClient client = TestClient.connect(vertx, system.running().gatewayPort(), sender.token(), "phone")) {
      for (int i = 1; i <= count; i++) {
        client.send(new JsonObject().put("type", "send").put("channel", channel)
            .put("client_msg_id", UUID.randomUUID().toString()).put("body", "hello " + i));
      }
      await().atMost(Duration.ofSeconds(20)).until(() -> client.received(TestClient.type("accepted")).size() == count);
    }
  }

  private static List<Received> receivedBy(String target) {
    return sandbox.received().stream().filter(r -> r.target().equals(target)).toList();
  }

  @Test
  void a_user_with_no_connected_device_gets_the_message_on_web_push_fcm_and_apns() throws Exception {
    User alice = api.newUser("offline");
    User bob = api.newUser("writer");
    String fcmToken = "fcm:" + UUID.randomUUID();
    String apnsToken = UUID.randomUUID().toString().replace("-", "").repeat(2);
    device(alice, "web", webPush("alice-browser"));
    device(alice, "android", new JsonObject().put("kind", "fcm").put("token", fcmToken));
    device(alice, "ios", new JsonObject().put("kind", "apns").put("token", apnsToken));
    long channel = api.directChannel(bob, alice);

    sendFrom(bob, channel, 1);

    await().atMost(Duration.ofSeconds(20)).until(() ->
        !receivedBy("alice-browser").isEmpty() && !receivedBy(fcmToken).isEmpty() && !receivedBy(apnsToken).isEmpty());
    JsonObject web = receivedBy("alice-browser").get(0).payload();
    assertThat(web.getLong("channel")).isEqualTo(channel);
    assertThat(web.getLong("seq")).isEqualTo(1);
    assertThat(web.getLong("badge")).isEqualTo(1);
    assertThat(web.getString("title")).startsWith("writer");
    assertThat(web.getString("body")).isEqualTo("hello 1");
    assertThat(receivedBy(fcmToken).get(0).payload().getJsonObject("data").getString("seq")).isEqualTo("1");
    assertThat(receivedBy(apnsToken).get(0).payload().getJsonObject("aps").getLong("badge")).isEqualTo(1);
  }

  @Test
  void a_connected_user_gets_no_push() throws Exception {
    User alice = api.newUser("online");
    User bob = api.newUser("writer");
    device(alice, "web", webPush("online-browser"));
    long channel = api.directChannel(bob, alice);

    try (TestClient alicePhone = TestClient.connect(vertx, system.running().gatewayPort(), alice.token(), "phone")) {
      alicePhone.awaitFrame(TestClient.type("welcome"));
      sendFrom(bob, channel, 1);
      alicePhone.awaitFrame(TestClient.type("message"));
      await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> receivedBy("online-browser").isEmpty());
    }
  }

  @Test
  void a_burst_of_20_messages_gives_one_push_with_badge_20() throws Exception {
    User alice = api.newUser("busy");
    User bob = api.newUser("chatty");
    device(alice, "web", webPush("burst-browser"));
    long channel = api.directChannel(bob, alice);

    sendFrom(bob, channel, 20);

    await().atMost(Duration.ofSeconds(20)).until(() -> !receivedBy("burst-browser").isEmpty());
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> receivedBy("burst-browser").size() == 1);
    JsonObject push = receivedBy("burst-browser").get(0).payload();
    assertThat(push.getLong("badge")).isEqualTo(20);
    assertThat(push.getLong("seq")).isEqualTo(20);
  }

  @Test
  void a_410_removes_the_subscription_of_the_device() throws Exception {
    User alice = api.newUser("gone");
    User bob = api.newUser("writer");
    String deviceId = device(alice, "web", webPush("expired-browser"));
    sandbox.script("expired-browser", Answer.of(410));
    long channel = api.directChannel(bob, alice);

    sendFrom(bob, channel, 1);

    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      JsonObject devices = call(api.http().get("/v1/devices").bearerTokenAuthentication(alice.token()).send(), 200);
      JsonObject device = devices.getJsonArray("devices").stream().map(JsonObject.class::cast)
          .filter(d -> Long.toString(d.getLong("device_id")).equals(deviceId)).findFirst().orElseThrow();
      assertThat(device.getValue("push")).isNull();
    });
    assertThat(receivedBy("expired-browser")).isEmpty();
  }

  @Test
  void a_429_with_retry_after_is_retried_no_sooner_than_asked() throws Exception {
    User alice = api.newUser("throttled");
    User bob = api.newUser("writer");
    device(alice, "web", webPush("throttled-browser"));
    sandbox.script("throttled-browser", Answer.of(429).withHeader("retry-after", "2"));
    long channel = api.directChannel(bob, alice);

    sendFrom(bob, channel, 1);

    await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy("throttled-browser").size() == 1);
    List<Long> attempts = sandbox.attemptsAt("throttled-browser");
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(1) - attempts.get(0)).isGreaterThanOrEqualTo(2_000);
  }

  @Test
  void repeated_500s_end_in_the_dead_letter_topic() throws Exception {
    User alice = api.newUser("unlucky");
    User bob = api.newUser("writer");
    String deviceId = device(alice, "web", webPush("broken-browser"));
    sandbox.script("broken-browser", Answer.of(500), Answer.of(500), Answer.of(500));
    long channel = api.directChannel(bob, alice);

    sendFrom(bob, channel, 1);

    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EngineConfigs.kafka(system.engines()).bootstrapServers);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "push-it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    try (KafkaConsumer<String, String> dead = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
      dead.subscribe(List.of(Topics.PUSH_DEAD));
      List<JsonObject> letters = new java.util.concurrent.CopyOnWriteArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        dead.poll(Duration.ofMillis(200)).forEach(r -> letters.add(new JsonObject(r.value())));
        return letters.stream().anyMatch(l -> l.getLong("user_id") == alice.id());
      });
      JsonObject letter = letters.stream().filter(l -> l.getLong("user_id") == alice.id()).findFirst().orElseThrow();
      assertThat(letter.getString("device_id")).isEqualTo(deviceId);
      assertThat(letter.getInteger("attempts")).isEqualTo(3);
      assertThat(letter.getString("reason")).startsWith("500");
    }
    assertThat(sandbox.attemptsAt("broken-browser")).hasSize(3);
    assertThat(receivedBy("broken-browser")).isEmpty();
  }
}
