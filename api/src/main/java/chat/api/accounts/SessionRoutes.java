package chat.api.accounts;

import chat.api.http.Operations;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.runtime.redis.SlidingWindowLimiter;
import chat.stores.sessions.Sessions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Locale;

/** Log in (rate-limited per username and per client address) and log out. */
public final class SessionRoutes {

  private final Pool postgres;
  private final Passwords passwords;
  private final Sessions sessions;
  private final SessionIssuer issuer;
  private final SlidingWindowLimiter perUsername;
  private final SlidingWindowLimiter perAddress;

  public SessionRoutes(Pool postgres, Passwords passwords, Sessions sessions, SessionIssuer issuer,
      SlidingWindowLimiter perUsername, SlidingWindowLimiter perAddress) {
    this.postgres = postgres;
    this.passwords = passwords;
    this.sessions = sessions;
    this.issuer = issuer;
    this.perUsername = perUsername;
    this.perAddress = perAddress;
  }

  public void register(Operations operations) {
    operations.open("logIn", this::logIn);
    operations.authenticated("logOut", this::logOut);
  }

  /** 201 {token, session_id, user_id, expires_at}; 401 that does not say whether the user exists. */
  private void logIn(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String username = body.getString("username").toLowerCase(Locale.ROOT);
    String address = ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    Future.all(perUsername.check(username), perAddress.check(address))
        .compose(limits -> {
          SlidingWindowLimiter.Decision byName = limits.resultAt(0);
          SlidingWindowLimiter.Decision byAddress = limits.resultAt(1);
          if (!byName.allowed() || !byAddress.allowed()) {
            return Problem.tooManyRequests("too many login attempts; retry later",
                Math.max(byName.retryAfterSeconds(), byAddress.retryAfterSeconds())).<Row>asFuture();
          }
          return postgres.preparedQuery("SELECT id, password_hash FROM users WHERE username = $1").execute(Tuple.of(username))
              .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
        })
        .compose(user -> passwords.matches(body.getString("password"), user == null ? null : user.getString("password_hash"))
            .compose(ok -> ok ? Future.succeededFuture(user.getLong("id"))
                : Problem.unauthorized("wrong username or password").<Long>asFuture()))
        .compose(issuer::open)
        .onSuccess(json -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json").end(json.encode()))
        .onFailure(ctx::fail);
  }

  private void logOut(RoutingContext ctx) {
    sessions.revoke(BearerAuth.sessionId(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
