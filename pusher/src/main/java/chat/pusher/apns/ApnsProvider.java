package chat.pusher.apns;

import chat.pusher.delivery.Notification;
import chat.pusher.providers.HttpAnswers;
import chat.pusher.providers.Keys;
import chat.pusher.providers.Outcome;
import chat.pusher.providers.PushProvider;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;

/**
 * APNs over HTTP/2 (TLS with ALPN): {@code POST /3/device/{token}} with the provider token,
 * {@code apns-topic}, {@code apns-push-type: alert}, {@code apns-priority}, {@code apns-expiration}
 * and {@code apns-collapse-id} (one visible notification per channel). 410 and
 * {@code BadDeviceToken} mean the token is dead; {@code ExpiredProviderToken} renews ours.
 */
public final class ApnsProvider implements PushProvider {

  private final WebClient http;
  private final ApnsConfig config;
  private final ApnsTokens tokens;

  public ApnsProvider(Vertx vertx, ApnsConfig config) throws Exception {
    this.config = config;
    ECPrivateKey key = (ECPrivateKey) Keys.pkcs8(Files.readString(Path.of(config.keyFile)), "EC");
    this.tokens = new ApnsTokens(key, config.keyId, config.teamId);
    WebClientOptions options = new WebClientOptions();
    options.setProtocolVersion(HttpVersion.HTTP_2).setUseAlpn(true).setSsl(true).setHttp2ClearTextUpgrade(false);
    if (config.trustAll) {
      options.setTrustAll(true).setVerifyHost(false);
    }
    this.http = WebClient.create(vertx, options);
  }

  @Override
  public String kind() {
    return "apns";
  }

  @Override
  public Future<Outcome> send(JsonObject subscription, Notification notification) {
    long now = System.currentTimeMillis();
    String base = "sandbox".equals(subscription.getString("environment")) ? config.sandboxEndpoint : config.productionEndpoint;
    String token;
    try {
      token = tokens.token(now);
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
    return http.postAbs(base + "/3/device/" + subscription.getString("token"))
        .putHeader("authorization", "bearer " + token)
        .putHeader("apns-topic", config.topic)
        .putHeader("apns-push-type", "alert")
        .putHeader("apns-priority", "10")
        .putHeader("apns-expiration", Long.toString(now / 1000 + config.ttlSeconds))
        .putHeader("apns-collapse-id", notification.collapseKey())
        .sendJsonObject(payload(notification))
        .map(this::outcome)
        .otherwise(HttpAnswers::noAnswer);
  }

  private Outcome outcome(HttpResponse<Buffer> response) {
    String body = response.bodyAsString();
    String reason = body == null || body.isBlank() ? "" : new JsonObject(body).getString("reason", "");
    if ("ExpiredProviderToken".equals(reason)) {
      tokens.invalidate();
      return new Outcome.Retry("403 ExpiredProviderToken", 0);
    }
    if ("BadDeviceToken".equals(reason) || "Unregistered".equals(reason)) {
      return new Outcome.Gone(response.statusCode() + " " + reason);
    }
    return HttpAnswers.of(response.statusCode(), response.getHeader("retry-after"), body, System.currentTimeMillis());
  }

  static JsonObject payload(Notification n) {
    return new JsonObject()
        .put("aps", new JsonObject()
            .put("alert", new JsonObject().put("title", n.title()).put("body", n.text()))
            .put("badge", n.badge())
            .put("sound", "default")
            .put("thread-id", n.collapseKey()))
        .put("channel", n.channelId())
        .put("seq", n.seq());
  }
}
