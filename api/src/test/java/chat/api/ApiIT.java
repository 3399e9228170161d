package chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.Endpoints;
import chat.devstack.engines.TestEngines;
import chat.runtime.config.HttpConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import chat.runtime.postgres.PostgresClients;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiIT {

  private static final AtomicInteger NAMES = new AtomicInteger();
  private static Vertx vertx;
  private static WebClient http;
  private static Pool postgres;

  @BeforeAll
  static void start() throws Exception {
    Endpoints engines = TestEngines.all();
    ApiConfig config = new ApiConfig();
    config.http = new HttpConfig(0);
    config.devLogin = true;
    config.postgres = EngineConfigs.postgres(engines);
    config.redis = EngineConfigs.redis(engines);
    config.cassandra = EngineConfigs.cassandra(engines);
    vertx = Vertx.vertx();
    ApiVerticle api = await(ApiStage.deploy(vertx, config));
    http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(api.port()));
    postgres = PostgresClients.pool(vertx, config.postgres);
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static JsonObject user() throws Exception {
    HttpResponse<Buffer> response = await(http.post("/v1/dev/sessions")
        .sendJsonObject(new JsonObject().put("username", "u" + NAMES.incrementAndGet() + "_" + System.nanoTime() % 100_000)));
    assertThat(response.statusCode()).isEqualTo(201);
    return response.bodyAsJsonObject();
  }

  private static void assertProblem(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("content-type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("https://chatplatform.org/problems/" + code);
  }

  @Test
  void the_direct_channel_of_a_pair_is_the_same_whoever_asks_and_however_often() throws Exception {
    JsonObject alice = user();
    JsonObject bob = user();

    List<Future<HttpResponse<Buffer>>> requests = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      JsonObject me = i % 2 == 0 ? alice : bob;
      JsonObject peer = i % 2 == 0 ? bob : alice;
      requests.add(http.post("/v1/channels/direct").bearerTokenAuthentication(me.getString("token"))
          .sendJsonObject(new JsonObject().put("peer", peer.getLong("user_id"))));
    }
    await(Future.join(requests));

    assertThat(requests).allSatisfy(r -> assertThat(r.result().statusCode()).as(r.result().bodyAsString()).isEqualTo(200));
    assertThat(requests.stream().map(r -> r.result().bodyAsJsonObject().getLong("channel_id")).distinct()).hasSize(1);
    long low = Math.min(alice.getLong("user_id"), bob.getLong("user_id"));
    long high = Math.max(alice.getLong("user_id"), bob.getLong("user_id"));
    assertThat(await(postgres.query("SELECT count(*) FROM channels WHERE direct_low = " + low + " AND direct_high = " + high).execute())
        .iterator().next().getLong(0)).isEqualTo(1);
  }

  @Test
  void a_direct_channel_with_yourself_or_an_unknown_user_is_refused() throws Exception {
    JsonObject alice = user();
    String token = alice.getString("token");

    assertProblem(await(http.post("/v1/channels/direct").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("peer", alice.getLong("user_id")))), 400, "invalid_peer");
    assertProblem(await(http.post("/v1/channels/direct").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("peer", 987_654_321L))), 404, "not_found");
    assertProblem(await(http.post("/v1/channels/direct").bearerTokenAuthentication(token)
        .sendJsonObject(new JsonObject().put("peer", "bob"))), 400, "invalid_field");
  }

  @Test
  void malformed_json_is_a_400_problem() throws Exception {
    JsonObject alice = user();

    assertProblem(await(http.post("/v1/channels/direct").bearerTokenAuthentication(alice.getString("token"))
        .putHeader("content-type", "application/json").sendBuffer(Buffer.buffer("{not json"))), 400, "malformed_json");
  }

  @Test
  void a_missing_or_bad_token_is_a_401_problem() throws Exception {
    assertProblem(await(http.post("/v1/channels/direct").sendJsonObject(new JsonObject().put("peer", 1))), 401, "unauthorized");
    assertProblem(await(http.get("/v1/channels/1/messages").bearerTokenAuthentication("x.y.z").send()), 401, "unauthorized");
  }

  @Test
  void a_username_breaking_the_rules_is_a_400_problem_naming_the_field() throws Exception {
    HttpResponse<Buffer> response = await(http.post("/v1/dev/sessions").sendJsonObject(new JsonObject().put("username", "A\u0000")));

    assertProblem(response, 400, "invalid_field");
    assertThat(response.bodyAsJsonObject().getString("detail")).startsWith("username");
  }

  @Test
  void a_body_over_the_size_limit_is_refused_with_413() throws Exception {
    HttpResponse<Buffer> response = await(http.post("/v1/dev/sessions")
        .sendJsonObject(new JsonObject().put("username", "x".repeat(70_000))));

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void history_parameters_are_checked() throws Exception {
    JsonObject alice = user();

    assertProblem(await(http.get("/v1/channels/1/messages?limit=-3").bearerTokenAuthentication(alice.getString("token")).send()),
        400, "invalid_field");
    assertProblem(await(http.get("/v1/channels/abc/messages").bearerTokenAuthentication(alice.getString("token")).send()),
        400, "invalid_field");
  }

  @Test
  void an_unknown_route_is_a_404_problem_and_health_answers() throws Exception {
    assertProblem(await(http.get("/v1/nothing").send()), 404, "not_found");
    assertThat(await(http.get("/readyz").send()).statusCode()).isEqualTo(200);
  }
}
