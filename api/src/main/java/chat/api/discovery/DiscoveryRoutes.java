package chat.api.discovery;

import chat.api.http.Operations;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.gateways.GatewayRegistry;
import chat.stores.tickets.Tickets;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /v1/discovery}: the least-loaded healthy gateway and a one-time ticket to open the
 * WebSocket with (browsers cannot send an Authorization header on a WebSocket).
 */
public final class DiscoveryRoutes {

  private final GatewayRegistry registry;
  private final Tickets tickets;

  public DiscoveryRoutes(GatewayRegistry registry, Tickets tickets) {
    this.registry = registry;
    this.tickets = tickets;
  }

  public void register(Operations operations) {
    operations.authenticated("discoverGateway", this::discover);
  }

  private void discover(RoutingContext ctx) {
    registry.leastLoaded(System.currentTimeMillis())
        .compose(gateway -> gateway.isEmpty()
            ? new Problem(503, "no_gateway", "no gateway is available; retry shortly").<JsonObject>asFuture()
            : tickets.issue(BearerAuth.userId(ctx), BearerAuth.sessionId(ctx)).map(ticket -> new JsonObject()
                .put("gateway_id", gateway.get().id())
                .put("url", gateway.get().url() + "?ticket=" + ticket)
                .put("ticket", ticket)
                .put("expires_in", tickets.ttlSeconds())))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }
}
