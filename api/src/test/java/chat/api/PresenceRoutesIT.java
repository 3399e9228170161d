package chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Presence over HTTP: my invisible mode, and queries checked against the contract. */
class PresenceRoutesIT extends ApiTestBase {

  private static HttpResponse<Buffer> setInvisible(JsonObject user, Object invisible) throws Exception {
    return await(http.put("/v1/users/me/presence").bearerTokenAuthentication(user.getString("token"))
        .sendJsonObject(new JsonObject().put("invisible", invisible)));
  }

  @Test
  void invisible_mode_is_stored_and_read_back() throws Exception {
    JsonObject alice = user();

    HttpResponse<Buffer> on = setInvisible(alice, true);
    assertThat(on.statusCode()).as(on.bodyAsString()).isEqualTo(200);
    assertThat(on.bodyAsJsonObject().getBoolean("invisible")).isTrue();
    assertThat(on.bodyAsJsonObject().getString("status")).as("never connected").isEqualTo("offline");

    JsonObject read = await(http.get("/v1/users/me/presence").bearerTokenAuthentication(alice.getString("token")).send())
        .bodyAsJsonObject();
    assertThat(read.getBoolean("invisible")).isTrue();
    assertThat(setInvisible(alice, false).bodyAsJsonObject().getBoolean("invisible")).isFalse();
  }

  @Test
  void a_mode_that_is_not_a_boolean_is_a_400_naming_the_field() throws Exception {
    HttpResponse<Buffer> response = setInvisible(user(), "yes");

    assertProblem(response, 400, "invalid_field");
    assertThat(response.bodyAsJsonObject().getString("detail")).contains("invisible");
  }

  @Test
  void a_query_needs_a_token_and_at_most_100_ids() throws Exception {
    assertThat(await(http.get("/v1/presence?users=1").send()).statusCode()).isEqualTo(401);

    String ids = LongStream.rangeClosed(1, 101).mapToObj(Long::toString).collect(Collectors.joining(","));
    assertProblem(await(http.get("/v1/presence?users=" + ids).bearerTokenAuthentication(user().getString("token")).send()),
        400, "invalid_field");
  }

  @Test
  void i_may_see_myself_but_not_a_stranger() throws Exception {
    JsonObject alice = user();
    JsonObject stranger = user();

    JsonObject answer = await(http.get("/v1/presence?users=" + alice.getLong("user_id") + "," + stranger.getLong("user_id"))
        .bearerTokenAuthentication(alice.getString("token")).send()).bodyAsJsonObject();

    assertThat(answer.getJsonArray("users").getJsonObject(0).getLong("user")).isEqualTo(alice.getLong("user_id"));
    assertThat(answer.getJsonArray("refused").getLong(0)).isEqualTo(stranger.getLong("user_id"));
    assertThat(answer.containsKey("type")).isFalse();
  }
}
