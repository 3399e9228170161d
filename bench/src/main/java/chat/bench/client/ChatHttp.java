package chat.bench.client;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What the load generator does through the public api, as any client would: sign up and log in,
 * befriend, open a WebSocket on the gateway discovery offers (kept alive by {@link Heartbeat}).
 */
public final class ChatHttp {

  private final Vertx vertx;
  private final String apiUrl;
  private final WebClient http;
  private final WebSocketClient sockets;

  public ChatHttp(Vertx vertx, String apiUrl) {
    this.vertx = vertx;
    this.apiUrl = apiUrl;
    this.http = WebClient.create(vertx);
    // the default caps a client at 50 WebSockets and queues the rest
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(1_000_000));
  }

  /**
   * Closes the HTTP client and the WebSocket client with every socket it opened. Keep a ChatHttp
   * reachable for as long as its sockets are used: Vert.x closes a client it finds unreachable
   * at a garbage collection, sockets and all (a normal close, status 1000), so a scenario that
   * dropped its ChatHttp once the sockets were open lost them ~60 s later, at the next collection.
   */
  public Future<Void> close() {
    http.close();
    return sockets.close();
  }

  /** An account signed up and logged in. */
  public record Account(long id, String token) {}

  public WebClient http() {
    return http;
  }

  public Future<Account> account(String username) {
    JsonObject credentials = new JsonObject().put("username", username).put("password", "bench-password-" + username);
    // signing up logs in: one password hash per account, no second check
    return http.postAbs(apiUrl + "/v1/accounts").sendJsonObject(credentials)
        .compose(created -> created.statusCode() == 201 ? Future.succeededFuture(created.bodyAsJsonObject())
            : Future.failedFuture("sign-up of " + username + " failed: " + created.statusCode() + " " + created.bodyAsString()))
        .map(session -> new Account(session.getLong("user_id"), session.getString("token")));
  }

  /** A asks, B accepts. */
  public Future<Void> befriend(Account a, Account b) {
    return http.postAbs(apiUrl + "/v1/friends/requests").bearerTokenAuthentication(a.token())
        .sendJsonObject(new JsonObject().put("user_id", b.id()))
        .compose(asked -> http.postAbs(apiUrl + "/v1/friends/requests/" + a.id() + "/accept")
            .bearerTokenAuthentication(b.token()).send())
        .compose(accepted -> accepted.statusCode() == 204 ? Future.<Void>succeededFuture()
            : Future.failedFuture("befriending failed: " + accepted.statusCode() + " " + accepted.bodyAsString()));
  }

  /** A socket on the gateway discovery offers, pinging every {@link Heartbeat#EVERY_MS}. */
  public Future<WebSocket> connect(String token, String device) {
    return http.getAbs(apiUrl + "/v1/discovery").bearerTokenAuthentication(token).send().compose(found -> {
      URI url = URI.create(found.bodyAsJsonObject().getString("url"));
      return sockets.connect(new WebSocketConnectOptions().setHost(url.getHost()).setPort(url.getPort())
              .setURI(url.getRawPath() + "?" + url.getRawQuery() + "&device=" + device))
          .map(socket -> Heartbeat.keepAlive(vertx, socket));
    });
  }

  /** Runs {@code step} over the items, at most {@code parallel} at a time, in order of the list. */
  public static <T, R> Future<List<R>> inBatches(List<T> items, int parallel, Function<T, Future<R>> step) {
    Future<List<R>> done = Future.succeededFuture(new ArrayList<>());
    for (int from = 0; from < items.size(); from += parallel) {
      List<T> batch = items.subList(from, Math.min(items.size(), from + parallel));
      done = done.compose(results -> Future.all(batch.stream().map(step).toList()).map(all -> {
        results.addAll(all.list());
        return results;
      }));
    }
    return done;
  }
}
