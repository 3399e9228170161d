package chat.pusher.webpush;

import chat.pusher.delivery.Notification;
import chat.pusher.providers.HttpAnswers;
import chat.pusher.providers.Keys;
import chat.pusher.providers.Outcome;
import chat.pusher.providers.PushProvider;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.Vertx;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.charset.StandardCharsets;

/**
 * Web Push: the notification as JSON, encrypted for the subscription ({@link WebPushEncryption}),
 * POSTed to the subscription's endpoint with VAPID authentication, a {@code TTL}, an
 * {@code Urgency} and a {@code Topic} (so a newer push of the channel replaces an undelivered one).
 */
public final class WebPushProvider implements PushProvider {

  private final WebClient http;
  private final WebPushConfig config;
  private final Vapid vapid;

  public WebPushProvider(Vertx vertx, WebPushConfig config) throws Exception {
    WebClientOptions options = new WebClientOptions();
    if (config.trustAll) {
      options.setTrustAll(true).setVerifyHost(false);
    }
    this.http = WebClient.create(vertx, options);
    this.config = config;
    this.vapid = new Vapid(config);
  }

  @Override
  public String kind() {
    return "webpush";
  }

  @Override
  public Future<Outcome> send(JsonObject subscription, Notification notification) {
    String endpoint = subscription.getString("endpoint");
    JsonObject keys = subscription.getJsonObject("keys", new JsonObject());
    byte[] body;
    String authorization;
    long now = System.currentTimeMillis();
    try {
      body = WebPushEncryption.encrypt(payload(notification).encode().getBytes(StandardCharsets.UTF_8),
          Keys.base64Url(keys.getString("p256dh")), Keys.base64Url(keys.getString("auth")));
      authorization = vapid.authorization(endpoint, now);
    } catch (Exception e) {
      return Future.succeededFuture(new Outcome.Gone("unusable subscription: " + e.getMessage()));
    }
    return http.postAbs(endpoint)
        .putHeader("authorization", authorization)
        .putHeader("content-encoding", "aes128gcm")
        .putHeader("content-type", "application/octet-stream")
        .putHeader("ttl", Integer.toString(config.ttlSeconds))
        .putHeader("urgency", config.urgency)
        .putHeader("topic", "channel" + notification.channelId())
        .sendBuffer(Buffer.buffer(body))
        .map(response -> HttpAnswers.of(response.statusCode(), response.getHeader("retry-after"), response.bodyAsString(),
            System.currentTimeMillis()))
        .otherwise(HttpAnswers::noAnswer);
  }

  /** What the service worker receives (decrypted). */
  static JsonObject payload(Notification n) {
    JsonObject payload = new JsonObject().put("type", "message").put("channel", n.channelId()).put("seq", n.seq())
        .put("sender", n.senderId()).put("title", n.title()).put("body", n.text()).put("badge", n.badge())
        .put("tag", n.collapseKey());
    return payload;
  }
}
