package chat.api.dev;

import chat.runtime.auth.Tokens;
import chat.runtime.http.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/dev/sessions {"username": "alice"}} → a token for that user, creating it if
 * needed. Development only ({@code devLogin: true}); real accounts replace it.
 */
public final class DevSessionRoutes {

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9_]{3,32}$");

  private final Pool postgres;
  private final Tokens tokens;

  public DevSessionRoutes(Pool postgres, Tokens tokens) {
    this.postgres = postgres;
    this.tokens = tokens;
  }

  public void mount(Router router) {
    router.post("/v1/dev/sessions").handler(this::createSession);
  }

  private void createSession(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    String username = body == null ? null : body.getValue("username") instanceof String s ? s : null;
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw Problem.badRequest("invalid_field", "username: 3 to 32 characters of a-z, 0-9 and _");
    }
    postgres.preparedQuery("INSERT INTO users (username) VALUES ($1)"
            + " ON CONFLICT (username) DO UPDATE SET username = EXCLUDED.username RETURNING id")
        .execute(Tuple.of(username))
        .map(rows -> rows.iterator().next().getLong(0))
        .onSuccess(userId -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json")
            .end(new JsonObject().put("user_id", userId).put("token", tokens.issue(userId)).encode()))
        .onFailure(ctx::fail);
  }
}
