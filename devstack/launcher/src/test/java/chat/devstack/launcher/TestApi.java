package chat.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The HTTP api as tests use it: accounts, friends, channels, each call checked for its status. */
final class TestApi {

  private static final AtomicInteger USERS = new AtomicInteger();

  private final WebClient http;

  TestApi(Vertx vertx, int port) {
    this.http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port));
  }

  record User(long id, String token) {}

  WebClient http() {
    return http;
  }

  User newUser(String prefix) throws Exception {
    String name = prefix + "_" + USERS.incrementAndGet() + "_" + (System.nanoTime() % 100_000);
    JsonObject credentials = new JsonObject().put("username", name).put("password", "correct horse battery");
    JsonObject session = call(http.post("/v1/accounts").sendJsonObject(credentials), 201); // signing up logs in
    return new User(session.getLong("user_id"), session.getString("token"));
  }

  void befriend(User a, User b) throws Exception {
    call(http.post("/v1/friends/requests").bearerTokenAuthentication(a.token())
        .sendJsonObject(new JsonObject().put("user_id", b.id())), 201);
    call(http.post("/v1/friends/requests/" + a.id() + "/accept").bearerTokenAuthentication(b.token()).send(), 204);
  }

  void block(User blocker, User blocked) throws Exception {
    call(http.put("/v1/blocks/" + blocked.id()).bearerTokenAuthentication(blocker.token()).send(), 204);
  }

  long directChannel(User me, User peer) throws Exception {
    return call(http.post("/v1/channels/direct").bearerTokenAuthentication(me.token())
        .sendJsonObject(new JsonObject().put("peer", peer.id())), 200).getLong("channel_id");
  }

  long group(User owner, User... members) throws Exception {
    JsonArray ids = new JsonArray();
    for (User member : members) {
      ids.add(member.id());
    }
    return call(http.post("/v1/channels").bearerTokenAuthentication(owner.token())
        .sendJsonObject(new JsonObject().put("name", "group").put("members", ids)), 201).getLong("channel_id");
  }

  /** Waits for the response, checks its status, and returns its JSON body (null when it has none). */
  static JsonObject call(Future<HttpResponse<Buffer>> request, int expectedStatus) throws Exception {
    HttpResponse<Buffer> response = request.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(expectedStatus);
    return response.body() == null || response.body().length() == 0 ? null : response.bodyAsJsonObject();
  }
}
