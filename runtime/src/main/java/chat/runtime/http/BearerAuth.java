package chat.runtime.http;

import chat.runtime.auth.Tokens;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates a request by its access token: {@code Authorization: Bearer <jwt>}, or the
 * {@code access_token} query parameter for clients that cannot set headers (browser WebSockets).
 * The user id is put in the context under {@link #USER_ID}; a bad token ends with a 401 problem.
 */
public final class BearerAuth {

  public static final String USER_ID = "userId";

  private final Tokens tokens;

  public BearerAuth(Tokens tokens) {
    this.tokens = tokens;
  }

  public void handle(RoutingContext ctx) {
    authenticate(ctx.request()).onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.put(USER_ID, ar.result());
        ctx.next();
      } else {
        ctx.fail(Problem.unauthorized("a valid access token is required"));
      }
    });
  }

  public Future<Long> authenticate(HttpServerRequest request) {
    String header = request.getHeader("Authorization");
    String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim()
        : request.getParam("access_token");
    return tokens.verify(token);
  }

  public static long userId(RoutingContext ctx) {
    return ctx.get(USER_ID);
  }
}
