package chat.stores.gateways;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gateways clients may be sent to. Each gateway refreshes its entry by heartbeat (its public
 * WebSocket URL and connection count); one that stops refreshing for {@code staleAfterMs} is no
 * longer offered. Redis: sorted set {@code gateways} (id → last heartbeat, ms) and hash
 * {@code gateway:{id}} (url, connections).
 */
public final class GatewayRegistry {

  static final String INDEX = "gateways";

  private final Redis redis;
  private final long staleAfterMs;

  public GatewayRegistry(Redis redis, long staleAfterMs) {
    this.redis = redis;
    this.staleAfterMs = staleAfterMs;
  }

  /** A registered gateway. */
  public record Gateway(String id, String url, long connections) {}

  public Future<Void> heartbeat(String gatewayId, String url, long connections, long nowMs) {
    String key = entry(gatewayId);
    long ttlSeconds = Math.max(1, staleAfterMs / 1000 * 2);
    return redis.batch(List.of(
        Request.cmd(Command.HSET).arg(key).arg("url").arg(url).arg("connections").arg(connections),
        Request.cmd(Command.EXPIRE).arg(key).arg(ttlSeconds),
        Request.cmd(Command.ZADD).arg(INDEX).arg(nowMs).arg(gatewayId))).mapEmpty();
  }

  public Future<Void> leave(String gatewayId) {
    return redis.batch(List.of(Request.cmd(Command.ZREM).arg(INDEX).arg(gatewayId),
        Request.cmd(Command.DEL).arg(entry(gatewayId)))).mapEmpty();
  }

  /** The healthy gateway with the fewest connections, if any. */
  public Future<Optional<Gateway>> leastLoaded(long nowMs) {
    return healthy(nowMs).map(gateways -> gateways.stream()
        .min((a, b) -> Long.compare(a.connections(), b.connections())));
  }

  /** Gateways with a heartbeat within {@code staleAfterMs}; older entries are dropped from the index. */
  public Future<List<Gateway>> healthy(long nowMs) {
    long oldest = nowMs - staleAfterMs;
    return redis.batch(List.of(
            Request.cmd(Command.ZREMRANGEBYSCORE).arg(INDEX).arg("-inf").arg("(" + oldest),
            Request.cmd(Command.ZRANGEBYSCORE).arg(INDEX).arg(oldest).arg("+inf")))
        .compose(replies -> {
          List<String> ids = new ArrayList<>();
          replies.get(1).forEach(id -> ids.add(id.toString()));
          if (ids.isEmpty()) {
            return Future.succeededFuture(List.<Gateway>of());
          }
          List<Request> reads = ids.stream().map(id -> Request.cmd(Command.HMGET).arg(entry(id)).arg("url").arg("connections")).toList();
          return redis.batch(reads).map(entries -> {
            List<Gateway> gateways = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
              Response fields = entries.get(i);
              if (fields != null && fields.get(0) != null && fields.get(1) != null) {
                gateways.add(new Gateway(ids.get(i), fields.get(0).toString(), fields.get(1).toLong()));
              }
            }
            return gateways;
          });
        });
  }

  private static String entry(String gatewayId) {
    return "gateway:" + gatewayId;
  }
}
