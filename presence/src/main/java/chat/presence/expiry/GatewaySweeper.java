package chat.presence.expiry;

import chat.stores.presence.GatewayLiveness;
import chat.stores.presence.PresenceStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Ends the connections of gateway processes that stopped heartbeating (killed, frozen, cut off),
 * so their users cannot stay online. The heartbeat timeout already gave the devices time to
 * reconnect elsewhere, so the users whose last connection this was turn offline at the next tick,
 * with no further grace. Idempotent: a connection ended twice (here and by a late event) ends once.
 */
public final class GatewaySweeper {

  private static final int CHUNK = 500;

  private final GatewayLiveness liveness;
  private final PresenceStore store;
  private final long timeoutMillis;
  private final LongSupplier clock;
  private boolean busy;

  public GatewaySweeper(GatewayLiveness liveness, PresenceStore store, long timeoutMillis, LongSupplier clock) {
    this.liveness = liveness;
    this.store = store;
    this.timeoutMillis = timeoutMillis;
    this.clock = clock;
  }

  /** One pass over the gateway processes; completes with how many connections it ended. */
  public Future<Integer> sweep() {
    if (busy) {
      return Future.succeededFuture(0);
    }
    busy = true;
    long now = clock.getAsLong();
    return liveness.dead(now, timeoutMillis)
        .compose(dead -> Future.all(dead.stream().map(gateway -> end(gateway, now)).toList()))
        .map(all -> all.<Integer>list().stream().mapToInt(Integer::intValue).sum())
        .eventually(() -> {
          busy = false;
          return Future.succeededFuture();
        });
  }

  private Future<Integer> end(GatewayLiveness.DeadGateway gateway, long now) {
    long lastSeen = gateway.lastSeenMs() > 0 ? gateway.lastSeenMs() : now;
    return liveness.connectionsOn(gateway.instance())
        .compose(open -> endAll(gateway.instance(), open, lastSeen, now)
            .compose(v -> liveness.forgetIfEmpty(gateway.instance()))
            .map(open.size()));
  }

  /**
   * In chunks, so that a gateway of 19,000 connections does not put all its commands in flight at
   * once (the Redis client bounds them: {@code redis.maxInFlight}).
   */
  private Future<Void> endAll(String instance, List<GatewayLiveness.OpenConnection> open, long lastSeen, long now) {
    Future<Void> chain = Future.succeededFuture();
    for (int from = 0; from < open.size(); from += CHUNK) {
      List<GatewayLiveness.OpenConnection> chunk = open.subList(from, Math.min(open.size(), from + CHUNK));
      chain = chain.compose(v -> Future.all(chunk.stream()
              .map(c -> store.disconnected(c.userId(), c.connectionId(), instance, c.deviceId(), lastSeen, now))
              .toList())
          .mapEmpty());
    }
    return chain;
  }
}
