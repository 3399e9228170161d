package chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelsAndHistoryIT extends ApiTestBase {

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
  void a_body_over_the_size_limit_is_refused_with_413() throws Exception {
    HttpResponse<Buffer> response = await(http.post("/v1/accounts")
        .sendJsonObject(new JsonObject().put("username", "x".repeat(70_000)).put("password", PASSWORD)));

    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void history_parameters_are_checked() throws Exception {
    JsonObject alice = user();

    assertProblem(await(http.get("/v1/channels/1/messages?limit=-3").bearerTokenAuthentication(alice.getString("token")).send()),
        400, "invalid_field");
    assertProblem(await(http.get("/v1/channels/abc/messages").bearerTokenAuthentication(alice.getString("token")).send()),
        400, "invalid_field");
    assertProblem(await(http.get("/v1/channels/1/messages?limit=201").bearerTokenAuthentication(alice.getString("token")).send()),
        400, "invalid_field");
    assertProblem(await(http.get("/v1/channels/1/messages?before=5&after=1").bearerTokenAuthentication(alice.getString("token")).send()),
        400, "invalid_field");
  }

  @Test
  void an_unknown_route_is_a_404_problem_and_health_answers() throws Exception {
    assertProblem(await(http.get("/v1/nothing").send()), 404, "not_found");
    assertThat(await(http.get("/readyz").send()).statusCode()).isEqualTo(200);
  }
}
