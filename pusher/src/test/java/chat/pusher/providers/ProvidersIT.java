package chat.pusher.providers;

import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.pushsandbox.Answer;
import chat.devstack.pushsandbox.FcmEndpoint;
import chat.devstack.pushsandbox.PushSandbox;
import chat.devstack.pushsandbox.Received;
import chat.pusher.apns.ApnsConfig;
import chat.pusher.apns.ApnsProvider;
import chat.pusher.delivery.Notification;
import chat.pusher.fcm.FcmConfig;
import chat.pusher.fcm.FcmProvider;
import chat.pusher.fcm.ServiceAccount;
import chat.pusher.webpush.WebPushConfig;
import chat.pusher.webpush.WebPushProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each provider against the sandbox endpoints, which decrypt Web Push payloads, verify the VAPID,
 * service-account and APNs provider signatures and check the headers: a wrong key or a wrong
 * encryption is refused there, so these tests fail if the pusher gets the protocol wrong.
 */
class ProvidersIT {

  private static final Notification NOTIFICATION = new Notification(8, 42, 9, 7, "Alice", "see you at 8?", 3, 1, 1);
  private static Vertx vertx;
  private static PushSandbox sandbox;
  private static WebClient http;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    sandbox = await(PushSandbox.start(vertx));
    http = WebClient.create(vertx);
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  @AfterEach
  void nothing_was_refused_for_a_protocol_error() {
    assertThat(sandbox.rejected()).as("requests the sandbox refused").isEmpty();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static WebPushProvider webPush(String publicKey, String privateKey) throws Exception {
    WebPushConfig config = new WebPushConfig();
    config.vapidPublicKey = publicKey;
    config.vapidPrivateKey = privateKey;
    config.subject = "mailto:ops@chat.example";
    config.trustAll = true; // the sandbox's self-signed certificate
    return new WebPushProvider(vertx, config);
  }

  private static Received lastFor(String target) {
    return sandbox.received().stream().filter(r -> r.target().equals(target)).reduce((a, b) -> b).orElseThrow();
  }

  @Test
  void a_web_push_is_encrypted_for_the_subscription_and_signed_by_vapid() throws Exception {
    JsonObject subscription = sandbox.webPushSubscription("browser-1");

    Outcome outcome = await(webPush(sandbox.vapidPublicKey(), sandbox.vapidPrivateKey()).send(subscription, NOTIFICATION));

    assertThat(outcome).isInstanceOf(Outcome.Sent.class);
    JsonObject payload = lastFor("browser-1").payload();
    assertThat(payload.getLong("channel")).isEqualTo(42);
    assertThat(payload.getLong("seq")).isEqualTo(9);
    assertThat(payload.getLong("badge")).isEqualTo(3);
    assertThat(payload.getString("title")).isEqualTo("Alice");
    assertThat(payload.getString("body")).isEqualTo("see you at 8?");
  }

  @Test
  void a_web_push_signed_with_another_key_is_refused_by_the_push_service() throws Exception {
    JsonObject subscription = sandbox.webPushSubscription("browser-2");
    PushSandbox other = await(PushSandbox.start(vertx));
    try {
      Outcome outcome = await(webPush(sandbox.vapidPublicKey(), other.vapidPrivateKey()).send(subscription, NOTIFICATION));

      assertThat(outcome).isInstanceOf(Outcome.Refused.class);
      assertThat(sandbox.rejected()).singleElement().asString().contains("VAPID signature");
    } finally {
      other.close();
    }
    // the refusal was the point of this test
    sandbox.clearRejected();
  }

  @Test
  void web_push_410_means_gone_and_429_carries_its_retry_after() throws Exception {
    JsonObject subscription = sandbox.webPushSubscription("browser-3");
    WebPushProvider provider = webPush(sandbox.vapidPublicKey(), sandbox.vapidPrivateKey());
    sandbox.script("browser-3", Answer.of(429).withHeader("retry-after", "7"), Answer.of(410));

    assertThat(await(provider.send(subscription, NOTIFICATION))).isEqualTo(new Outcome.Retry("429", 7_000));
    assertThat(await(provider.send(subscription, NOTIFICATION))).isInstanceOf(Outcome.Gone.class);
  }

  @Test
  void fcm_exchanges_one_service_account_assertion_for_a_token_and_sends_v1_messages() throws Exception {
    FcmConfig config = new FcmConfig();
    config.endpoint = sandbox.fcmEndpoint();
    Path file = sandbox.writeServiceAccount(Path.of("target", "sandbox"));
    FcmProvider provider = new FcmProvider(http, config, ServiceAccount.read(file, ""));
    JsonObject device = new JsonObject().put("token", "fcm-token-1");

    assertThat(await(provider.send(device, NOTIFICATION))).isInstanceOf(Outcome.Sent.class);
    assertThat(await(provider.send(device, NOTIFICATION))).isInstanceOf(Outcome.Sent.class);

    assertThat(sandbox.fcmTokensGranted()).as("the access token is reused").isEqualTo(1);
    JsonObject message = lastFor("fcm-token-1").payload();
    assertThat(message.getJsonObject("notification").getString("title")).isEqualTo("Alice");
    assertThat(message.getJsonObject("data").getString("badge")).isEqualTo("3");
    assertThat(message.getJsonObject("android").getString("collapse_key")).isEqualTo("channel-42");

    sandbox.script("fcm-token-1", Answer.of(404, FcmEndpoint.error(404, "NOT_FOUND", "UNREGISTERED")));
    assertThat(await(provider.send(device, NOTIFICATION))).isInstanceOf(Outcome.Gone.class);
  }

  @Test
  void apns_goes_over_http2_with_an_es256_provider_token_and_a_collapse_id() throws Exception {
    ApnsConfig config = new ApnsConfig();
    config.keyFile = sandbox.writeApnsKey(Path.of("target", "sandbox")).toString();
    config.keyId = chat.devstack.pushsandbox.ApnsEndpoint.KEY_ID;
    config.teamId = chat.devstack.pushsandbox.ApnsEndpoint.TEAM_ID;
    config.topic = chat.devstack.pushsandbox.ApnsEndpoint.TOPIC;
    config.productionEndpoint = sandbox.apnsEndpoint();
    config.trustAll = true;
    ApnsProvider provider = new ApnsProvider(vertx, config);
    String token = "a1".repeat(32);
    JsonObject device = new JsonObject().put("token", token);

    assertThat(await(provider.send(device, NOTIFICATION))).isInstanceOf(Outcome.Sent.class);
    JsonObject payload = lastFor(token).payload();
    assertThat(payload.getJsonObject("aps").getLong("badge")).isEqualTo(3);
    assertThat(payload.getJsonObject("aps").getJsonObject("alert").getString("body")).isEqualTo("see you at 8?");
    assertThat(payload.getString("collapse_id")).isEqualTo("channel-42");

    sandbox.script(token, Answer.of(400, "{\"reason\":\"BadDeviceToken\"}"), Answer.of(410, "{\"reason\":\"Unregistered\"}"));
    assertThat(await(provider.send(device, NOTIFICATION))).isInstanceOf(Outcome.Gone.class);
    assertThat(await(provider.send(device, NOTIFICATION))).isInstanceOf(Outcome.Gone.class);
  }
}
