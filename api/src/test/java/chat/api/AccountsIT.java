package chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

class AccountsIT extends ApiTestBase {

  private static JsonObject credentials(String username, String password) {
    return new JsonObject().put("username", username).put("password", password);
  }

  @Test
  void a_new_account_is_logged_in_by_its_sign_up_and_that_token_works() throws Exception {
    String name = uniqueName();

    HttpResponse<Buffer> created = await(http.post("/v1/accounts").sendJsonObject(credentials(name, PASSWORD)));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject session = created.bodyAsJsonObject();
    assertThat(session.getString("session_id")).isNotBlank();
    assertThat(session.getString("expires_at")).isNotBlank();

    HttpResponse<Buffer> me = await(http.get("/v1/users/me").bearerTokenAuthentication(session.getString("token")).send());
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(me.bodyAsJsonObject().getLong("user_id")).isEqualTo(session.getLong("user_id"));
    assertThat(me.bodyAsJsonObject().getString("username")).isEqualTo(name);
  }

  @Test
  void a_new_account_can_log_in_and_its_token_works() throws Exception {
    String name = uniqueName();

    HttpResponse<Buffer> created = await(http.post("/v1/accounts").sendJsonObject(credentials(name, PASSWORD).put("display_name", "Ann")));
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getString("username")).isEqualTo(name);

    HttpResponse<Buffer> session = await(http.post("/v1/sessions").sendJsonObject(credentials(name.toUpperCase(), PASSWORD)));
    assertThat(session.statusCode()).as("usernames are case-insensitive").isEqualTo(201);
    assertThat(session.bodyAsJsonObject().getLong("user_id")).isEqualTo(created.bodyAsJsonObject().getLong("user_id"));
    assertThat(session.bodyAsJsonObject().getString("expires_at")).isNotBlank();
  }

  @Test
  void a_taken_username_whatever_its_case_is_a_409() throws Exception {
    String name = uniqueName();
    await(http.post("/v1/accounts").sendJsonObject(credentials(name, PASSWORD)));

    assertProblem(await(http.post("/v1/accounts").sendJsonObject(credentials(name.toUpperCase(), PASSWORD))), 409, "username_taken");
  }

  @Test
  void a_wrong_password_and_an_unknown_user_get_the_same_401() throws Exception {
    JsonObject alice = user();

    HttpResponse<Buffer> wrongPassword = await(http.post("/v1/sessions").sendJsonObject(credentials(alice.getString("username"), "not the password")));
    HttpResponse<Buffer> unknownUser = await(http.post("/v1/sessions").sendJsonObject(credentials("nobody_" + uniqueName(), PASSWORD)));

    assertProblem(wrongPassword, 401, "unauthorized");
    assertProblem(unknownUser, 401, "unauthorized");
    assertThat(wrongPassword.bodyAsJsonObject().getString("detail")).isEqualTo(unknownUser.bodyAsJsonObject().getString("detail"));
  }

  @Test
  void a_logged_out_token_stops_working() throws Exception {
    JsonObject alice = user();
    String token = alice.getString("token");

    assertThat(await(http.delete("/v1/sessions/current").bearerTokenAuthentication(token).send()).statusCode()).isEqualTo(204);

    assertProblem(await(http.delete("/v1/sessions/current").bearerTokenAuthentication(token).send()), 401, "unauthorized");
  }

  @Test
  void an_expired_token_or_one_without_expiry_is_refused() throws Exception {
    JsonObject alice = user();
    io.vertx.ext.auth.jwt.JWTAuth sameKey = io.vertx.ext.auth.jwt.JWTAuth.create(vertx, new io.vertx.ext.auth.jwt.JWTAuthOptions()
        .addPubSecKey(new io.vertx.ext.auth.PubSecKeyOptions().setAlgorithm("HS256").setBuffer(new chat.runtime.config.AuthConfig().signingSecret)));
    JsonObject claims = new JsonObject().put("sub", alice.getLong("user_id").toString()).put("sid", alice.getString("session_id")).put("iss", "chat");
    io.vertx.ext.auth.JWTOptions hs256 = new io.vertx.ext.auth.JWTOptions().setAlgorithm("HS256");
    String expired = sameKey.generateToken(claims.copy().put("exp", System.currentTimeMillis() / 1000 - 60), hs256);
    String neverExpires = sameKey.generateToken(claims, hs256);

    assertProblem(await(http.get("/v1/users/me").bearerTokenAuthentication(expired).send()), 401, "unauthorized");
    assertProblem(await(http.get("/v1/users/me").bearerTokenAuthentication(neverExpires).send()), 401, "unauthorized");
    assertThat(await(http.get("/v1/users/me").bearerTokenAuthentication(alice.getString("token")).send()).statusCode()).isEqualTo(200);
  }

  @Test
  void a_password_change_revokes_the_other_sessions_and_the_old_password() throws Exception {
    JsonObject first = user();
    String name = first.getString("username");
    JsonObject second = await(http.post("/v1/sessions").sendJsonObject(credentials(name, PASSWORD))).bodyAsJsonObject();

    HttpResponse<Buffer> changed = await(http.put("/v1/accounts/me/password").bearerTokenAuthentication(first.getString("token"))
        .sendJsonObject(new JsonObject().put("current_password", PASSWORD).put("new_password", "a brand new password")));
    assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(204);

    assertProblem(await(http.delete("/v1/sessions/current").bearerTokenAuthentication(second.getString("token")).send()), 401, "unauthorized");
    assertProblem(await(http.post("/v1/sessions").sendJsonObject(credentials(name, PASSWORD))), 401, "unauthorized");
    assertThat(await(http.post("/v1/sessions").sendJsonObject(credentials(name, "a brand new password"))).statusCode()).isEqualTo(201);
    assertThat(await(http.delete("/v1/sessions/current").bearerTokenAuthentication(first.getString("token")).send()).statusCode())
        .as("the session that changed the password stays").isEqualTo(204);
  }

  @Test
  void a_password_change_with_the_wrong_current_password_is_a_401_and_changes_nothing() throws Exception {
    JsonObject alice = user();

    assertProblem(await(http.put("/v1/accounts/me/password").bearerTokenAuthentication(alice.getString("token"))
        .sendJsonObject(new JsonObject().put("current_password", "wrong").put("new_password", "another long one"))), 401, "unauthorized");
    assertThat(await(http.post("/v1/sessions").sendJsonObject(credentials(alice.getString("username"), PASSWORD))).statusCode()).isEqualTo(201);
  }

  @Test
  void log_in_attempts_beyond_the_limit_per_username_get_429_with_retry_after() throws Exception {
    JsonObject alice = user(); // signing up is not a log-in attempt
    for (int i = 0; i < 10; i++) {
      assertProblem(await(http.post("/v1/sessions").sendJsonObject(credentials(alice.getString("username"), "wrong password"))),
          401, "unauthorized");
    }

    HttpResponse<Buffer> last = await(http.post("/v1/sessions").sendJsonObject(credentials(alice.getString("username"), "wrong password")));
    assertProblem(last, 429, "rate_limited");
    assertThat(Integer.parseInt(last.getHeader("Retry-After"))).isBetween(1, 60);
    assertProblem(await(http.post("/v1/sessions").sendJsonObject(credentials(alice.getString("username"), PASSWORD))), 429, "rate_limited");
  }

  @Test
  void bad_sign_up_bodies_are_400_naming_the_field() throws Exception {
    assertField(await(http.post("/v1/accounts").sendJsonObject(credentials("ab", PASSWORD))), "username");
    assertField(await(http.post("/v1/accounts").sendJsonObject(credentials("x".repeat(33), PASSWORD))), "username");
    assertField(await(http.post("/v1/accounts").sendJsonObject(credentials(uniqueName(), "short"))), "password");
    assertField(await(http.post("/v1/accounts").sendJsonObject(credentials(uniqueName(), PASSWORD).put("display_name", "bell\u0007"))), "display_name");
    assertField(await(http.post("/v1/accounts").sendJsonObject(new JsonObject().put("username", uniqueName()))), "password");
    assertField(await(http.post("/v1/accounts").sendJsonObject(credentials(uniqueName(), PASSWORD).put("admin", true))), "admin");
  }

  @Test
  void a_body_that_is_not_json_is_a_400() throws Exception {
    assertProblem(await(http.post("/v1/accounts").putHeader("content-type", "application/json").sendBuffer(Buffer.buffer("{oops"))),
        400, "malformed_json");
  }

  private static void assertField(HttpResponse<Buffer> response, String field) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(400);
    assertThat(response.bodyAsJsonObject().getString("detail")).as(response.bodyAsString()).contains(field);
  }
}
