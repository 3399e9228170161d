package chat.api.users;

import chat.api.http.Operations;
import chat.api.http.Params;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Locale;

/** Profiles: mine (read, update), anyone's public one, and search by username prefix. */
public final class ProfileRoutes {

  private final Pool postgres;

  public ProfileRoutes(Pool postgres) {
    this.postgres = postgres;
  }

  public void register(Operations operations) {
    operations.authenticated("getMyProfile", ctx -> show(ctx, BearerAuth.userId(ctx)));
    operations.authenticated("updateMyProfile", this::update);
    operations.authenticated("getProfile", ctx -> show(ctx, Long.parseLong(ctx.pathParam("userId"))));
    operations.authenticated("searchUsers", this::search);
  }

  private void show(RoutingContext ctx, long userId) {
    postgres.preparedQuery("SELECT " + Profiles.COLUMNS + " FROM users u WHERE u.id = $1").execute(Tuple.of(userId))
        .compose(rows -> rows.size() == 0 ? Problem.notFound("no user " + userId).<JsonObject>asFuture()
            : io.vertx.core.Future.succeededFuture(Profiles.toJson(rows.iterator().next())))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  /** Fields present in the body are set; {@code null} clears avatar_url or status_text. */
  private void update(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    long me = BearerAuth.userId(ctx);
    postgres.preparedQuery("UPDATE users SET"
            + " display_name = CASE WHEN $2 THEN $3 ELSE display_name END,"
            + " avatar_url = CASE WHEN $4 THEN $5 ELSE avatar_url END,"
            + " status_text = CASE WHEN $6 THEN $7 ELSE status_text END"
            + " WHERE id = $1 RETURNING id, username, display_name, avatar_url, status_text")
        .execute(Tuple.of(me, body.containsKey("display_name"), body.getString("display_name"),
            body.containsKey("avatar_url"), body.getString("avatar_url"),
            body.containsKey("status_text"), body.getString("status_text")))
        .onSuccess(rows -> ctx.json(Profiles.toJson(rows.iterator().next())))
        .onFailure(ctx::fail);
  }

  /** {@code GET /v1/users?prefix=al&after=<username>&limit=<n>}: by username, paged. */
  private void search(RoutingContext ctx) {
    String prefix = ctx.queryParam("prefix").get(0).toLowerCase(Locale.ROOT);
    String after = Params.stringOr(ctx, "after", "").toLowerCase(Locale.ROOT);
    int limit = Params.intOr(ctx, "limit", 20);
    String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    postgres.preparedQuery("SELECT " + Profiles.COLUMNS + " FROM users u WHERE u.username LIKE $1 AND u.username > $2 ORDER BY u.username LIMIT $3")
        .execute(Tuple.of(pattern, after, limit))
        .onSuccess(rows -> {
          JsonArray users = Profiles.toJson(rows);
          ctx.json(new JsonObject().put("users", users)
              .put("next_after", users.size() < limit ? null : users.getJsonObject(users.size() - 1).getString("username")));
        })
        .onFailure(ctx::fail);
  }
}
