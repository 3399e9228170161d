package chat.api.friends;

import chat.api.http.Operations;
import chat.api.http.Params;
import chat.api.users.Profiles;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.blocks.DirectBlocks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

/**
 * Friend requests (send, accept, decline, cancel), friendships (list, remove) and blocks. A block
 * removes the friendship and pending requests between the two, prevents new ones, and stops sends
 * in their direct channel (its history stays readable).
 */
public final class FriendRoutes {

  private final Pool postgres;
  private final DirectBlocks directBlocks;

  public FriendRoutes(Pool postgres, DirectBlocks directBlocks) {
    this.postgres = postgres;
    this.directBlocks = directBlocks;
  }

  public void register(Operations operations) {
    operations.authenticated("sendFriendRequest", this::request);
    operations.authenticated("listFriendRequests", this::listRequests);
    operations.authenticated("acceptFriendRequest", this::accept);
    operations.authenticated("declineFriendRequest", ctx -> deleteRequest(ctx, other(ctx), BearerAuth.userId(ctx)));
    operations.authenticated("cancelFriendRequest", ctx -> deleteRequest(ctx, BearerAuth.userId(ctx), other(ctx)));
    operations.authenticated("listFriends", this::listFriends);
    operations.authenticated("removeFriend", this::removeFriend);
    operations.authenticated("blockUser", this::block);
    operations.authenticated("unblockUser", this::unblock);
    operations.authenticated("listBlocks", this::listBlocks);
  }

  /**
   * 201 {status: requested}; 200 {status: friends} when the other had already asked me (both
   * wanted it) or {status: requested} when I had already asked. 403 {@code blocked} when either
   * blocks the other; 409 {@code already_friends}.
   */
  private void request(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long target = ctx.body().asJsonObject().getLong("user_id");
    if (target == me) {
      ctx.fail(Problem.badRequest("invalid_field", "user_id: cannot befriend yourself"));
      return;
    }
    postgres.withTransaction(tx -> Blocks.requireNone(tx, me, target)
            .compose(v -> areFriends(tx, me, target))
            .compose(friends -> friends ? Problem.conflict("already_friends", "you are already friends").<JsonObject>asFuture()
                : tx.preparedQuery("DELETE FROM friend_requests WHERE from_id = $2 AND to_id = $1").execute(Tuple.of(me, target))
                    .compose(theirs -> theirs.rowCount() == 1
                        ? befriend(tx, me, target).map(new JsonObject().put("status", "friends").put("created", false))
                        : tx.preparedQuery("INSERT INTO friend_requests (from_id, to_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
                            .execute(Tuple.of(me, target))
                            .map(ins -> new JsonObject().put("status", "requested").put("created", ins.rowCount() == 1)))))
        .recover(FriendRoutes::unknownUser)
        .onSuccess(result -> ctx.response().setStatusCode(Boolean.TRUE.equals(result.remove("created")) ? 201 : 200)
            .putHeader("content-type", "application/json").end(result.encode()))
        .onFailure(ctx::fail);
  }

  private void accept(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long from = other(ctx);
    postgres.withTransaction(tx -> tx.preparedQuery("DELETE FROM friend_requests WHERE from_id = $1 AND to_id = $2")
            .execute(Tuple.of(from, me))
            .compose(deleted -> deleted.rowCount() == 0 ? Problem.notFound("no friend request from user " + from).<Void>asFuture()
                : befriend(tx, me, from)))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void deleteRequest(RoutingContext ctx, long from, long to) {
    postgres.preparedQuery("DELETE FROM friend_requests WHERE from_id = $1 AND to_id = $2").execute(Tuple.of(from, to))
        .compose(deleted -> deleted.rowCount() == 0 ? Problem.notFound("no such friend request").<Void>asFuture() : Future.<Void>succeededFuture())
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void listRequests(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    Future<RowSet<Row>> incoming = postgres.preparedQuery("SELECT " + Profiles.COLUMNS + " FROM friend_requests r JOIN users u ON u.id = r.from_id"
        + " WHERE r.to_id = $1 ORDER BY r.created_at, u.id LIMIT 500").execute(Tuple.of(me));
    Future<RowSet<Row>> outgoing = postgres.preparedQuery("SELECT " + Profiles.COLUMNS + " FROM friend_requests r JOIN users u ON u.id = r.to_id"
        + " WHERE r.from_id = $1 ORDER BY r.created_at, u.id LIMIT 500").execute(Tuple.of(me));
    Future.all(incoming, outgoing)
        .onSuccess(v -> ctx.json(new JsonObject().put("incoming", Profiles.toJson(incoming.result())).put("outgoing", Profiles.toJson(outgoing.result()))))
        .onFailure(ctx::fail);
  }

  /** {@code GET /v1/friends?after=<user id>&limit=<n>}: my friends by user id, paged. */
  private void listFriends(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long after = Params.longOr(ctx, "after", 0);
    int limit = Params.intOr(ctx, "limit", 50);
    postgres.preparedQuery("SELECT " + Profiles.COLUMNS + " FROM friendships f"
            + " JOIN users u ON u.id = CASE WHEN f.user_low = $1 THEN f.user_high ELSE f.user_low END"
            + " WHERE (f.user_low = $1 OR f.user_high = $1) AND u.id > $2 ORDER BY u.id LIMIT $3")
        .execute(Tuple.of(me, after, limit))
        .onSuccess(rows -> {
          JsonArray friends = Profiles.toJson(rows);
          ctx.json(new JsonObject().put("friends", friends)
              .put("next_after", friends.size() < limit ? null : friends.getJsonObject(friends.size() - 1).getLong("user_id")));
        })
        .onFailure(ctx::fail);
  }

  private void removeFriend(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long other = other(ctx);
    postgres.preparedQuery("DELETE FROM friendships WHERE user_low = $1 AND user_high = $2")
        .execute(Tuple.of(Math.min(me, other), Math.max(me, other)))
        .compose(deleted -> deleted.rowCount() == 0 ? Problem.notFound("not friends with user " + other).<Void>asFuture() : Future.<Void>succeededFuture())
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  /** 204; idempotent. Ends the friendship and pending requests between the two. */
  private void block(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long other = other(ctx);
    if (other == me) {
      ctx.fail(Problem.badRequest("invalid_field", "userId: cannot block yourself"));
      return;
    }
    postgres.withTransaction(tx -> tx.preparedQuery("INSERT INTO blocks (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .execute(Tuple.of(me, other))
            .compose(v -> tx.preparedQuery("DELETE FROM friendships WHERE user_low = $1 AND user_high = $2")
                .execute(Tuple.of(Math.min(me, other), Math.max(me, other))))
            .compose(v -> tx.preparedQuery("DELETE FROM friend_requests WHERE (from_id = $1 AND to_id = $2) OR (from_id = $2 AND to_id = $1)")
                .execute(Tuple.of(me, other))))
        .recover(FriendRoutes::unknownUser)
        .compose(v -> directBlocks.refresh(me, other)) // after the commit: sends in their direct channel stop
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void unblock(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long other = other(ctx);
    postgres.preparedQuery("DELETE FROM blocks WHERE blocker_id = $1 AND blocked_id = $2")
        .execute(Tuple.of(me, other))
        .compose(v -> directBlocks.refresh(me, other)) // still blocked if the other one blocks too
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void listBlocks(RoutingContext ctx) {
    postgres.preparedQuery("SELECT " + Profiles.COLUMNS + " FROM blocks b JOIN users u ON u.id = b.blocked_id WHERE b.blocker_id = $1"
            + " ORDER BY u.id LIMIT 1000")
        .execute(Tuple.of(BearerAuth.userId(ctx)))
        .onSuccess(rows -> ctx.json(new JsonObject().put("blocked", Profiles.toJson(rows))))
        .onFailure(ctx::fail);
  }

  private static Future<Boolean> areFriends(SqlConnection tx, long a, long b) {
    return tx.preparedQuery("SELECT 1 FROM friendships WHERE user_low = $1 AND user_high = $2")
        .execute(Tuple.of(Math.min(a, b), Math.max(a, b))).map(rows -> rows.size() == 1);
  }

  private static Future<Void> befriend(SqlConnection tx, long a, long b) {
    return tx.preparedQuery("DELETE FROM friend_requests WHERE from_id = $1 AND to_id = $2").execute(Tuple.of(a, b))
        .compose(v -> tx.preparedQuery("INSERT INTO friendships (user_low, user_high) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .execute(Tuple.of(Math.min(a, b), Math.max(a, b))))
        .mapEmpty();
  }

  private static <T> Future<T> unknownUser(Throwable error) {
    if (error instanceof PgException pg && "23503".equals(pg.getSqlState())) {
      return Problem.notFound("user_id: no such user").asFuture();
    }
    return Future.failedFuture(error);
  }

  private static long other(RoutingContext ctx) {
    return Long.parseLong(ctx.pathParam("userId"));
  }
}
