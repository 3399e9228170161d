package chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupsIT extends ApiTestBase {

  /** Users that exist but never log in: members to fill groups with (no password hashing). */
  private static List<Long> extraUsers(int count) throws Exception {
    String prefix = "bulk" + uniqueName();
    List<Long> ids = new ArrayList<>();
    await(postgres.preparedQuery("INSERT INTO users (username) SELECT $1 || '_' || g FROM generate_series(1, $2) g RETURNING id")
        .execute(io.vertx.sqlclient.Tuple.of(prefix, count))).forEach(row -> ids.add(row.getLong("id")));
    return ids;
  }

  private static HttpResponse<Buffer> createGroup(JsonObject owner, String name, List<Long> members) throws Exception {
    return await(http.post("/v1/channels").bearerTokenAuthentication(owner.getString("token"))
        .sendJsonObject(new JsonObject().put("name", name).put("members", new JsonArray(members))));
  }

  private static HttpResponse<Buffer> add(JsonObject actor, long channel, List<Long> users) throws Exception {
    return await(http.post("/v1/channels/" + channel + "/members").bearerTokenAuthentication(actor.getString("token"))
        .sendJsonObject(new JsonObject().put("user_ids", new JsonArray(users))));
  }

  private static long memberCount(long channel) throws Exception {
    return await(postgres.query("SELECT count(*) FROM channel_members WHERE channel_id = " + channel).execute())
        .iterator().next().getLong(0);
  }

  @Test
  void a_group_is_created_with_its_owner_and_members_and_shows_in_both_lists() throws Exception {
    JsonObject owner = user();
    JsonObject bob = user();

    HttpResponse<Buffer> created = createGroup(owner, "Team ☕", List.of(bob.getLong("user_id")));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    long channel = created.bodyAsJsonObject().getLong("channel_id");

    JsonObject details = await(http.get("/v1/channels/" + channel).bearerTokenAuthentication(bob.getString("token")).send()).bodyAsJsonObject();
    assertThat(details.getString("name")).isEqualTo("Team ☕");
    assertThat(details.getJsonArray("members")).containsExactly(
        new JsonObject().put("user_id", owner.getLong("user_id")).put("role", "owner"),
        new JsonObject().put("user_id", bob.getLong("user_id")).put("role", "member"));

    HttpResponse<Buffer> listResponse = await(http.get("/v1/channels").bearerTokenAuthentication(bob.getString("token")).send());
    assertThat(listResponse.statusCode()).as(listResponse.bodyAsString()).isEqualTo(200);
    JsonObject bobsList = listResponse.bodyAsJsonObject();
    assertThat(bobsList.getJsonArray("channels")).singleElement().satisfies(c -> {
      JsonObject listed = (JsonObject) c;
      assertThat(listed.getLong("channel_id")).isEqualTo(channel);
      assertThat(listed.getInteger("member_count")).isEqualTo(2);
      assertThat(listed.getLong("head_seq")).isZero();
      assertThat(listed.getLong("unread")).isZero();
    });
  }

  @Test
  void the_hundred_member_cap_holds_at_creation_and_at_addition() throws Exception {
    JsonObject owner = user();
    List<Long> ninetyNine = extraUsers(99);

    HttpResponse<Buffer> full = createGroup(owner, "full", ninetyNine);
    assertThat(full.statusCode()).as(full.bodyAsString()).isEqualTo(201);
    long channel = full.bodyAsJsonObject().getLong("channel_id");

    assertProblem(add(owner, channel, extraUsers(1)), 409, "group_full");
    assertThat(memberCount(channel)).isEqualTo(100);
  }

  @Test
  void concurrent_additions_never_take_a_group_past_one_hundred_members() throws Exception {
    JsonObject owner = user();
    long channel = createGroup(owner, "race", extraUsers(89)).bodyAsJsonObject().getLong("channel_id");
    List<Long> candidates = extraUsers(30);

    List<Future<HttpResponse<Buffer>>> requests = new ArrayList<>();
    for (Long candidate : candidates) {
      requests.add(http.post("/v1/channels/" + channel + "/members").bearerTokenAuthentication(owner.getString("token"))
          .sendJsonObject(new JsonObject().put("user_ids", new JsonArray(List.of(candidate)))));
    }
    await(Future.join(requests));

    assertThat(requests.stream().filter(r -> r.result().statusCode() == 200)).hasSize(10);
    assertThat(requests.stream().filter(r -> r.result().statusCode() == 409)).hasSize(20);
    assertThat(memberCount(channel)).isEqualTo(100);
    assertThat(await(postgres.query("SELECT member_count FROM channels WHERE id = " + channel).execute())
        .iterator().next().getInteger(0)).isEqualTo(100);
  }

  @Test
  void only_the_owner_and_admins_manage_a_group_and_outsiders_see_nothing() throws Exception {
    JsonObject owner = user();
    JsonObject member = user();
    JsonObject outsider = user();
    long channel = createGroup(owner, "club", List.of(member.getLong("user_id"))).bodyAsJsonObject().getLong("channel_id");

    assertProblem(add(member, channel, extraUsers(1)), 403, "forbidden");
    assertProblem(await(http.patch("/v1/channels/" + channel).bearerTokenAuthentication(member.getString("token"))
        .sendJsonObject(new JsonObject().put("name", "mine now"))), 403, "forbidden");
    assertProblem(await(http.get("/v1/channels/" + channel).bearerTokenAuthentication(outsider.getString("token")).send()), 403, "forbidden");
    assertProblem(add(outsider, channel, extraUsers(1)), 403, "forbidden");
    assertProblem(await(http.get("/v1/channels/987654321").bearerTokenAuthentication(owner.getString("token")).send()), 404, "not_found");

    assertThat(await(http.patch("/v1/channels/" + channel).bearerTokenAuthentication(owner.getString("token"))
        .sendJsonObject(new JsonObject().put("name", "the club"))).statusCode()).isEqualTo(204);
  }

  @Test
  void a_removed_member_loses_access_and_an_owner_who_leaves_hands_the_group_over() throws Exception {
    JsonObject owner = user();
    JsonObject second = user();
    JsonObject third = user();
    long channel = createGroup(owner, "g", List.of(second.getLong("user_id"), third.getLong("user_id")))
        .bodyAsJsonObject().getLong("channel_id");

    assertThat(await(http.delete("/v1/channels/" + channel + "/members/" + third.getLong("user_id"))
        .bearerTokenAuthentication(owner.getString("token")).send()).statusCode()).isEqualTo(204);
    assertProblem(await(http.get("/v1/channels/" + channel + "/messages").bearerTokenAuthentication(third.getString("token")).send()),
        403, "forbidden");

    assertThat(await(http.delete("/v1/channels/" + channel + "/members/" + owner.getLong("user_id"))
        .bearerTokenAuthentication(owner.getString("token")).send()).statusCode()).isEqualTo(204);
    JsonObject details = await(http.get("/v1/channels/" + channel).bearerTokenAuthentication(second.getString("token")).send()).bodyAsJsonObject();
    assertThat(details.getLong("owner_id")).isEqualTo(second.getLong("user_id"));
    assertThat(details.getJsonArray("members")).containsExactly(new JsonObject().put("user_id", second.getLong("user_id")).put("role", "owner"));
  }

  @Test
  void a_member_cannot_remove_another_member() throws Exception {
    JsonObject owner = user();
    JsonObject a = user();
    JsonObject b = user();
    long channel = createGroup(owner, "g", List.of(a.getLong("user_id"), b.getLong("user_id"))).bodyAsJsonObject().getLong("channel_id");

    assertProblem(await(http.delete("/v1/channels/" + channel + "/members/" + b.getLong("user_id"))
        .bearerTokenAuthentication(a.getString("token")).send()), 403, "forbidden");
  }

  @Test
  void bad_group_requests_are_refused() throws Exception {
    JsonObject owner = user();

    assertProblem(createGroup(owner, "", List.of()), 400, "invalid_field");
    assertProblem(createGroup(owner, "x".repeat(101), List.of()), 400, "invalid_field");
    assertProblem(createGroup(owner, "ok", List.of(987_654_321L)), 404, "not_found");
    long direct = await(http.post("/v1/channels/direct").bearerTokenAuthentication(owner.getString("token"))
        .sendJsonObject(new JsonObject().put("peer", user().getLong("user_id")))).bodyAsJsonObject().getLong("channel_id");
    assertProblem(add(owner, direct, extraUsers(1)), 403, "forbidden");
  }

  @Test
  void my_channels_are_paged_by_id() throws Exception {
    JsonObject owner = user();
    for (int i = 0; i < 3; i++) {
      createGroup(owner, "g" + i, List.of());
    }

    JsonObject first = await(http.get("/v1/channels?limit=2").bearerTokenAuthentication(owner.getString("token")).send()).bodyAsJsonObject();
    assertThat(first.getJsonArray("channels")).hasSize(2);
    JsonObject second = await(http.get("/v1/channels?limit=2&after=" + first.getLong("next_after"))
        .bearerTokenAuthentication(owner.getString("token")).send()).bodyAsJsonObject();
    assertThat(second.getJsonArray("channels")).hasSize(1);
    assertThat(second.getValue("next_after")).isNull();
  }
}
