package chat.api.channels;

import chat.api.http.Operations;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.membership.Memberships;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups: create, rename, add and remove members, leave. The 100-member cap is the database's
 * (see V3): an addition that would pass it fails as a whole with 409 {@code group_full}.
 */
public final class GroupRoutes {

  private final Pool postgres;
  private final Memberships memberships;

  public GroupRoutes(Pool postgres, Memberships memberships) {
    this.postgres = postgres;
    this.memberships = memberships;
  }

  public void register(Operations operations) {
    operations.authenticated("createGroup", this::create);
    operations.authenticated("renameGroup", this::rename);
    operations.authenticated("addMembers", this::addMembers);
    operations.authenticated("removeMember", this::removeMember);
  }

  /** 201 {channel_id, kind, name, owner_id, members}. */
  private void create(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    JsonObject body = ctx.body().asJsonObject();
    Set<Long> others = ids(body.getJsonArray("members", new JsonArray()));
    others.remove(me);
    postgres.withTransaction(tx -> tx.preparedQuery("INSERT INTO channels (kind, name, owner_id) VALUES ('group', $1, $2) RETURNING id")
            .execute(Tuple.of(body.getString("name"), me))
            .map(rows -> rows.iterator().next().getLong("id"))
            .compose(channelId -> insertMember(tx, channelId, me, "owner")
                .compose(v -> insertMembers(tx, channelId, others))
                .map(channelId)))
        .recover(PgErrors::asProblem)
        .compose(channelId -> {
          List<Long> all = new ArrayList<>(others);
          all.add(me);
          return memberships.added(channelId, all).map(channelId);
        })
        .onSuccess(channelId -> {
          List<Long> all = new ArrayList<>(List.of(me));
          all.addAll(others);
          ctx.response().setStatusCode(201).putHeader("content-type", "application/json").end(new JsonObject()
              .put("channel_id", channelId).put("kind", "group").put("name", body.getString("name"))
              .put("owner_id", me).put("members", all).encode());
        })
        .onFailure(ctx::fail);
  }

  private void rename(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long channelId = Long.parseLong(ctx.pathParam("channelId"));
    String name = ctx.body().asJsonObject().getString("name");
    postgres.withTransaction(tx -> roleIn(tx, channelId, me)
            .compose(role -> GroupRules.canManage(role) ? Future.succeededFuture()
                : Problem.forbidden("only the group's owner or admins may rename it").asFuture())
            .compose(v -> tx.preparedQuery("UPDATE channels SET name = $2 WHERE id = $1").execute(Tuple.of(channelId, name))))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** 200 {members: [...]} (all members after the addition); adding a present member is a no-op. */
  private void addMembers(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long channelId = Long.parseLong(ctx.pathParam("channelId"));
    Set<Long> added = ids(ctx.body().asJsonObject().getJsonArray("user_ids"));
    postgres.withTransaction(tx -> roleIn(tx, channelId, me)
            .compose(role -> GroupRules.canManage(role) ? Future.succeededFuture()
                : Problem.forbidden("only the group's owner or admins may add members").asFuture())
            .compose(v -> insertMembers(tx, channelId, added))
            .compose(v -> memberIds(tx, channelId)))
        .recover(PgErrors::asProblem)
        .compose(members -> memberships.added(channelId, added).map(members))
        .onSuccess(members -> ctx.json(new JsonObject().put("channel_id", channelId).put("members", members)))
        .onFailure(ctx::fail);
  }

  /** 204. Removing yourself is leaving; an owner who leaves hands the group to the longest-standing admin, else member. */
  private void removeMember(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long channelId = Long.parseLong(ctx.pathParam("channelId"));
    long target = Long.parseLong(ctx.pathParam("userId"));
    postgres.withTransaction(tx -> roleIn(tx, channelId, me)
            .compose(myRole -> roleOf(tx, channelId, target).compose(targetRole -> targetRole == null
                ? Problem.notFound("user " + target + " is not a member").<Void>asFuture()
                : GroupRules.canRemove(me, myRole, target, targetRole) ? Future.succeededFuture()
                : Problem.forbidden("you may not remove this member").<Void>asFuture())
                .compose(v -> tx.preparedQuery("DELETE FROM channel_members WHERE channel_id = $1 AND user_id = $2 RETURNING role")
                    .execute(Tuple.of(channelId, target)))
                .compose(deleted -> "owner".equals(deleted.iterator().next().getString("role")) ? handOver(tx, channelId) : Future.succeededFuture())))
        .compose(v -> memberships.removed(channelId, target))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static Future<Void> handOver(SqlConnection tx, long channelId) {
    return tx.preparedQuery("WITH heir AS (SELECT user_id FROM channel_members WHERE channel_id = $1"
            + " ORDER BY (role = 'admin') DESC, joined_at, user_id LIMIT 1)"
            + " UPDATE channel_members SET role = 'owner' WHERE channel_id = $1 AND user_id IN (SELECT user_id FROM heir) RETURNING user_id")
        .execute(Tuple.of(channelId))
        .compose(rows -> tx.preparedQuery("UPDATE channels SET owner_id = $2 WHERE id = $1")
            .execute(Tuple.of(channelId, rows.size() == 0 ? null : rows.iterator().next().getLong("user_id"))))
        .mapEmpty();
  }

  /** The caller's role in a group: 404 for an unknown channel, 403 for a non-member or a direct channel. */
  private static Future<String> roleIn(SqlConnection tx, long channelId, long userId) {
    return tx.preparedQuery("SELECT c.kind, m.role FROM channels c LEFT JOIN channel_members m"
            + " ON m.channel_id = c.id AND m.user_id = $2 WHERE c.id = $1 FOR UPDATE OF c")
        .execute(Tuple.of(channelId, userId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Problem.notFound("no channel " + channelId).asFuture();
          }
          var row = rows.iterator().next();
          if (row.getString("role") == null) {
            return Problem.forbidden("not a member of channel " + channelId).asFuture();
          }
          if (!"group".equals(row.getString("kind"))) {
            return Problem.forbidden("a direct channel has no members to manage").asFuture();
          }
          return Future.succeededFuture(row.getString("role"));
        });
  }

  private static Future<String> roleOf(SqlConnection tx, long channelId, long userId) {
    return tx.preparedQuery("SELECT role FROM channel_members WHERE channel_id = $1 AND user_id = $2")
        .execute(Tuple.of(channelId, userId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("role"));
  }

  private static Future<Void> insertMember(SqlConnection tx, long channelId, long userId, String role) {
    return tx.preparedQuery("INSERT INTO channel_members (channel_id, user_id, role) VALUES ($1, $2, $3)")
        .execute(Tuple.of(channelId, userId, role)).mapEmpty();
  }

  private static Future<Void> insertMembers(SqlConnection tx, long channelId, Set<Long> userIds) {
    if (userIds.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = userIds.stream().map(u -> Tuple.of(channelId, u)).toList();
    return tx.preparedQuery("INSERT INTO channel_members (channel_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .executeBatch(batch).mapEmpty();
  }

  private static Future<List<Long>> memberIds(SqlConnection tx, long channelId) {
    return tx.preparedQuery("SELECT user_id FROM channel_members WHERE channel_id = $1 ORDER BY joined_at, user_id")
        .execute(Tuple.of(channelId))
        .map(rows -> {
          List<Long> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getLong("user_id")));
          return ids;
        });
  }

  private static Set<Long> ids(JsonArray array) {
    Set<Long> ids = new LinkedHashSet<>();
    array.forEach(value -> ids.add(((Number) value).longValue()));
    return ids;
  }
}
