package chat.runtime.http;

import chat.runtime.auth.Tokens;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.function.Function;

/**
 * Authenticates a request by its access token: {@code Authorization: Bearer <jwt>}, or the
 * {@code access_token} query parameter for clients that cannot set headers. The token must be
 * validly signed, unexpired, and its session still active (not logged out, not revoked by a
 * password change). A failure ends the request with a 401 problem.
 */
public final class BearerAuth {

  private static final String CLAIMS = "claims";

  private final Tokens tokens;
  private final Function<UUID, Future<Boolean>> sessionActive;

  public BearerAuth(Tokens tokens, Function<UUID, Future<Boolean>> sessionActive) {
    this.tokens = tokens;
    this.sessionActive = sessionActive;
  }

  public void handle(RoutingContext ctx) {
    authenticate(ctx.request()).onComplete(ar -> {
      if (ar.succeeded()) {
        ctx.put(CLAIMS, ar.result());
        ctx.next();
      } else {
        ctx.fail(Problem.unauthorized("a valid access token is required"));
      }
    });
  }

  public Future<Tokens.Claims> authenticate(HttpServerRequest request) {
    return authenticate(request.getHeader("Authorization"), request.getParam("access_token"));
  }

  /** The claims of an {@code Authorization: Bearer} header's token, else of {@code accessToken} (a query parameter). */
  public Future<Tokens.Claims> authenticate(String authorizationHeader, String accessToken) {
    String token = authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorizationHeader.substring(7).trim()
        : accessToken;
    return tokens.verify(token).compose(claims -> sessionActive.apply(claims.sessionId())
        .compose(active -> active ? Future.succeededFuture(claims)
            : Future.failedFuture(new IllegalArgumentException("session revoked or expired"))));
  }

  public static long userId(RoutingContext ctx) {
    return ctx.<Tokens.Claims>get(CLAIMS).userId();
  }

  public static UUID sessionId(RoutingContext ctx) {
    return ctx.<Tokens.Claims>get(CLAIMS).sessionId();
  }
}
