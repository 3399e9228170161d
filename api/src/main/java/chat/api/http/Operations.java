package chat.api.http;

import chat.runtime.http.BearerAuth;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;

/**
 * Binds handlers to the operations of {@code openapi.yaml} by operationId. The request has been
 * validated against the contract before a handler runs (except for {@link #authenticatedSelfChecked}); authenticated operations check the
 * bearer token first.
 */
public final class Operations {

  private final RouterBuilder builder;
  private final BearerAuth auth;

  public Operations(RouterBuilder builder, BearerAuth auth) {
    this.builder = builder;
    this.auth = auth;
  }

  /** An operation anyone may call (sign-up, log-in). */
  public void open(String operationId, Handler<RoutingContext> handler) {
    route(operationId).addHandler(handler);
  }

  /** An operation that needs a valid access token of an active session. */
  public void authenticated(String operationId, Handler<RoutingContext> handler) {
    route(operationId).addHandler(auth::handle).addHandler(handler);
  }

  /**
   * Like {@link #authenticated}, for a read so frequent that the contract's request validator is
   * skipped: the handler checks its parameters itself, exactly as the contract states them, with
   * the same {@code invalid_field} problems (see {@code HistoryQuery} for why).
   */
  public void authenticatedSelfChecked(String operationId, Handler<RoutingContext> handler) {
    route(operationId).setDoValidation(false).addHandler(auth::handle).addHandler(handler);
  }

  private OpenAPIRoute route(String operationId) {
    OpenAPIRoute route = builder.getRoute(operationId);
    if (route == null) {
      throw new IllegalStateException("openapi.yaml has no operation " + operationId);
    }
    // bearer auth is BearerAuth's job (it also checks revocation), not the contract's
    return route.setDoSecurity(false);
  }
}
