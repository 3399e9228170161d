package chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

/** Profiles, search, friends and blocks. */
class SocialIT extends ApiTestBase {

  private static HttpResponse<Buffer> friendRequest(JsonObject from, JsonObject to) throws Exception {
    return await(http.post("/v1/friends/requests").bearerTokenAuthentication(from.getString("token"))
        .sendJsonObject(new JsonObject().put("user_id", to.getLong("user_id"))));
  }

  private static JsonArray friendsOf(JsonObject user) throws Exception {
    return await(http.get("/v1/friends").bearerTokenAuthentication(user.getString("token")).send()).bodyAsJsonObject().getJsonArray("friends");
  }

  private static HttpResponse<Buffer> post(JsonObject user, String path) throws Exception {
    return await(http.post(path).bearerTokenAuthentication(user.getString("token")).send());
  }

  @Test
  void my_profile_can_be_updated_and_others_see_it() throws Exception {
    JsonObject alice = user();
    JsonObject bob = user();

    HttpResponse<Buffer> updated = await(http.patch("/v1/users/me").bearerTokenAuthentication(alice.getString("token"))
        .sendJsonObject(new JsonObject().put("display_name", "Alice A.").put("status_text", "at lunch").put("avatar_url", "https://img.example/a.png")));
    assertThat(updated.statusCode()).as(updated.bodyAsString()).isEqualTo(200);

    JsonObject seen = await(http.get("/v1/users/" + alice.getLong("user_id")).bearerTokenAuthentication(bob.getString("token")).send()).bodyAsJsonObject();
    assertThat(seen.getString("display_name")).isEqualTo("Alice A.");
    assertThat(seen.getString("status_text")).isEqualTo("at lunch");

    await(http.patch("/v1/users/me").bearerTokenAuthentication(alice.getString("token")).sendJsonObject(new JsonObject().putNull("status_text")));
    JsonObject mine = await(http.get("/v1/users/me").bearerTokenAuthentication(alice.getString("token")).send()).bodyAsJsonObject();
    assertThat(mine.getString("status_text")).isNull();
    assertThat(mine.getString("display_name")).isEqualTo("Alice A.");
  }

  @Test
  void bad_profile_updates_and_unknown_users_are_refused() throws Exception {
    JsonObject alice = user();
    String token = alice.getString("token");

    assertProblem(await(http.patch("/v1/users/me").bearerTokenAuthentication(token).sendJsonObject(new JsonObject().put("avatar_url", "javascript:alert(1)"))), 400, "invalid_field");
    assertProblem(await(http.patch("/v1/users/me").bearerTokenAuthentication(token).sendJsonObject(new JsonObject().put("display_name", "x".repeat(65)))), 400, "invalid_field");
    assertProblem(await(http.patch("/v1/users/me").bearerTokenAuthentication(token).sendJsonObject(new JsonObject())), 400, "invalid_field");
    assertProblem(await(http.get("/v1/users/987654321").bearerTokenAuthentication(token).send()), 404, "not_found");
  }

  @Test
  void users_are_found_by_username_prefix_page_by_page() throws Exception {
    String prefix = "zq" + (System.nanoTime() % 100_000);
    for (String suffix : new String[] {"a", "b", "c"}) {
      await(http.post("/v1/accounts").sendJsonObject(new JsonObject().put("username", prefix + suffix).put("password", PASSWORD)));
    }
    String token = user().getString("token");

    JsonObject first = await(http.get("/v1/users?limit=2&prefix=" + prefix.toUpperCase()).bearerTokenAuthentication(token).send()).bodyAsJsonObject();
    assertThat(first.getJsonArray("users")).extracting(u -> ((JsonObject) u).getString("username")).containsExactly(prefix + "a", prefix + "b");
    JsonObject second = await(http.get("/v1/users?limit=2&prefix=" + prefix + "&after=" + first.getString("next_after"))
        .bearerTokenAuthentication(token).send()).bodyAsJsonObject();
    assertThat(second.getJsonArray("users")).extracting(u -> ((JsonObject) u).getString("username")).containsExactly(prefix + "c");
    assertProblem(await(http.get("/v1/users?prefix=%25").bearerTokenAuthentication(token).send()), 400, "invalid_field");
  }

  @Test
  void a_request_accepted_makes_friends_both_ways_and_removal_ends_it() throws Exception {
    JsonObject alice = user();
    JsonObject bob = user();

    assertThat(friendRequest(alice, bob).statusCode()).isEqualTo(201);
    assertThat(friendRequest(alice, bob).statusCode()).as("asking twice is harmless").isEqualTo(200);
    JsonObject bobsRequests = await(http.get("/v1/friends/requests").bearerTokenAuthentication(bob.getString("token")).send()).bodyAsJsonObject();
    assertThat(bobsRequests.getJsonArray("incoming")).extracting(u -> ((JsonObject) u).getLong("user_id")).containsExactly(alice.getLong("user_id"));

    assertThat(post(bob, "/v1/friends/requests/" + alice.getLong("user_id") + "/accept").statusCode()).isEqualTo(204);
    assertThat(friendsOf(alice)).extracting(u -> ((JsonObject) u).getLong("user_id")).containsExactly(bob.getLong("user_id"));
    assertThat(friendsOf(bob)).extracting(u -> ((JsonObject) u).getLong("user_id")).containsExactly(alice.getLong("user_id"));
    assertProblem(friendRequest(bob, alice), 409, "already_friends");

    assertThat(await(http.delete("/v1/friends/" + bob.getLong("user_id")).bearerTokenAuthentication(alice.getString("token")).send()).statusCode()).isEqualTo(204);
    assertThat(friendsOf(bob)).isEmpty();
  }

  @Test
  void two_users_asking_each_other_become_friends_at_once() throws Exception {
    JsonObject alice = user();
    JsonObject bob = user();
    friendRequest(alice, bob);

    HttpResponse<Buffer> mutual = friendRequest(bob, alice);

    assertThat(mutual.statusCode()).isEqualTo(200);
    assertThat(mutual.bodyAsJsonObject().getString("status")).isEqualTo("friends");
    assertThat(friendsOf(alice)).hasSize(1);
  }

  @Test
  void a_request_can_be_declined_or_cancelled_and_then_nothing_is_pending() throws Exception {
    JsonObject alice = user();
    JsonObject bob = user();
    JsonObject carol = user();
    friendRequest(alice, bob);
    friendRequest(alice, carol);

    assertThat(post(bob, "/v1/friends/requests/" + alice.getLong("user_id") + "/decline").statusCode()).isEqualTo(204);
    assertThat(await(http.delete("/v1/friends/requests/" + carol.getLong("user_id")).bearerTokenAuthentication(alice.getString("token")).send()).statusCode()).isEqualTo(204);

    JsonObject pending = await(http.get("/v1/friends/requests").bearerTokenAuthentication(alice.getString("token")).send()).bodyAsJsonObject();
    assertThat(pending.getJsonArray("outgoing")).isEmpty();
    assertProblem(post(bob, "/v1/friends/requests/" + alice.getLong("user_id") + "/accept"), 404, "not_found");
  }

  @Test
  void a_block_ends_the_friendship_and_prevents_requests_and_new_direct_channels_until_lifted() throws Exception {
    JsonObject alice = user();
    JsonObject bob = user();
    friendRequest(alice, bob);
    post(bob, "/v1/friends/requests/" + alice.getLong("user_id") + "/accept");

    assertThat(await(http.put("/v1/blocks/" + bob.getLong("user_id")).bearerTokenAuthentication(alice.getString("token")).send()).statusCode()).isEqualTo(204);

    assertThat(friendsOf(alice)).isEmpty();
    assertProblem(friendRequest(bob, alice), 403, "blocked");
    assertProblem(await(http.post("/v1/channels/direct").bearerTokenAuthentication(bob.getString("token"))
        .sendJsonObject(new JsonObject().put("peer", alice.getLong("user_id")))), 403, "blocked");
    assertThat(await(http.get("/v1/blocks").bearerTokenAuthentication(alice.getString("token")).send()).bodyAsJsonObject()
        .getJsonArray("blocked")).extracting(u -> ((JsonObject) u).getLong("user_id")).containsExactly(bob.getLong("user_id"));

    assertThat(await(http.delete("/v1/blocks/" + bob.getLong("user_id")).bearerTokenAuthentication(alice.getString("token")).send()).statusCode()).isEqualTo(204);
    assertThat(friendRequest(bob, alice).statusCode()).isEqualTo(201);
  }

  @Test
  void befriending_yourself_or_an_unknown_user_is_refused() throws Exception {
    JsonObject alice = user();

    assertProblem(friendRequest(alice, alice), 400, "invalid_field");
    assertProblem(friendRequest(alice, new JsonObject().put("user_id", 987_654_321L)), 404, "not_found");
    assertProblem(await(http.put("/v1/blocks/" + alice.getLong("user_id")).bearerTokenAuthentication(alice.getString("token")).send()), 400, "invalid_field");
  }
}
