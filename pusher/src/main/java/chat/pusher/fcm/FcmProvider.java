package chat.pusher.fcm;

import chat.pusher.delivery.Notification;
import chat.pusher.providers.HttpAnswers;
import chat.pusher.providers.Outcome;
import chat.pusher.providers.PushProvider;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;

/**
 * FCM HTTP v1: {@code POST {endpoint}/v1/projects/{project}/messages:send} with a bearer token
 * from {@link FcmTokens}; a notification (title, text) plus data (channel, seq, badge), collapsed
 * per channel on Android and APNs. {@code UNREGISTERED} means the token is dead.
 */
public final class FcmProvider implements PushProvider {

  private final WebClient http;
  private final FcmTokens tokens;
  private final String sendUrl;

  public FcmProvider(WebClient http, FcmConfig config, ServiceAccount account) {
    this.http = http;
    this.tokens = new FcmTokens(http, account);
    this.sendUrl = config.endpoint + "/v1/projects/" + account.projectId() + "/messages:send";
  }

  @Override
  public String kind() {
    return "fcm";
  }

  @Override
  public Future<Outcome> send(JsonObject subscription, Notification notification) {
    return tokens.token(System.currentTimeMillis())
        .compose(token -> http.postAbs(sendUrl).bearerTokenAuthentication(token)
            .sendJsonObject(message(subscription.getString("token"), notification)))
        .map(this::outcome)
        .otherwise(HttpAnswers::noAnswer);
  }

  private Outcome outcome(HttpResponse<Buffer> response) {
    String body = response.bodyAsString();
    if (response.statusCode() == 401) {
      tokens.invalidate();
      return new Outcome.Retry("401: access token refused; fetching a new one", 0);
    }
    if (body != null && body.contains("UNREGISTERED")) {
      return new Outcome.Gone(response.statusCode() + " UNREGISTERED");
    }
    return HttpAnswers.of(response.statusCode(), response.getHeader("retry-after"), body, System.currentTimeMillis());
  }

  /** The v1 message. Data values must be strings. */
  static JsonObject message(String token, Notification n) {
    return new JsonObject().put("message", new JsonObject()
        .put("token", token)
        .put("notification", new JsonObject().put("title", n.title()).put("body", n.text()))
        .put("data", new JsonObject().put("type", "message").put("channel", Long.toString(n.channelId()))
            .put("seq", Long.toString(n.seq())).put("sender", Long.toString(n.senderId()))
            .put("badge", Long.toString(n.badge())))
        .put("android", new JsonObject().put("priority", "high").put("collapse_key", n.collapseKey())
            .put("notification", new JsonObject().put("tag", n.collapseKey()).put("notification_count", n.badge())))
        .put("apns", new JsonObject()
            .put("headers", new JsonObject().put("apns-collapse-id", n.collapseKey()))
            .put("payload", new JsonObject().put("aps", new JsonObject().put("badge", n.badge())))));
  }
}
