package chat.api.accounts;

import chat.api.http.Operations;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.sessions.Sessions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** Sign-up and password change. */
public final class AccountRoutes {

  private final Pool postgres;
  private final Passwords passwords;
  private final Sessions sessions;
  private final SessionIssuer issuer;

  public AccountRoutes(Pool postgres, Passwords passwords, Sessions sessions, SessionIssuer issuer) {
    this.postgres = postgres;
    this.passwords = passwords;
    this.sessions = sessions;
    this.issuer = issuer;
  }

  public void register(Operations operations) {
    operations.open("signUp", this::signUp);
    operations.authenticated("changePassword", this::changePassword);
  }

  /**
   * 201 {user_id, username} and a session ({token, session_id, expires_at}): a new account is
   * logged in, with no second password check; 409 when the username is taken (whatever its case).
   */
  private void signUp(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String username = Usernames.canonical(body.getString("username"));
    String password = body.getString("password");
    String displayName = body.getString("display_name", username);
    passwords.hash(password)
        .compose(hash -> postgres.preparedQuery("INSERT INTO users (username, password_hash, display_name) VALUES ($1, $2, $3)"
                + " ON CONFLICT (username) DO NOTHING RETURNING id")
            .execute(Tuple.of(username, hash, displayName)))
        .compose(rows -> rows.size() == 1 ? Future.succeededFuture(rows.iterator().next().getLong("id"))
            : Problem.conflict("username_taken", "username: '" + username + "' is taken").<Long>asFuture())
        .compose(issuer::open)
        .onSuccess(session -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
            .end(session.put("username", username).encode()))
        .onFailure(ctx::fail);
  }

  /** 204; every other session of the account is revoked. 401 when the current password is wrong. */
  private void changePassword(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    long userId = BearerAuth.userId(ctx);
    postgres.preparedQuery("SELECT password_hash FROM users WHERE id = $1").execute(Tuple.of(userId))
        .compose(rows -> passwords.matches(body.getString("current_password"),
            rows.size() == 0 ? null : rows.iterator().next().getString("password_hash")))
        .compose(ok -> ok ? passwords.hash(body.getString("new_password"))
            : Problem.unauthorized("current_password: wrong password").<String>asFuture())
        .compose(hash -> postgres.withTransaction(tx -> tx.preparedQuery("UPDATE users SET password_hash = $2 WHERE id = $1")
            .execute(Tuple.of(userId, hash))
            .compose(updated -> sessions.revokeAllBut(tx, userId, BearerAuth.sessionId(ctx)))))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }
}
