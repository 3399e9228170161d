package chat.stores.presence;

import chat.runtime.redis.RedisScript;
import chat.stores.RedisKeys;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the gateway processes holding connections are alive: each gateway process writes its
 * heartbeat here; the presence stage ends the connections of one whose heartbeat is older than the
 * timeout, so a gateway that dies without a word cannot leave its users online. A process is
 * named by its gateway id and start time, so a gateway restarted under the same id does not keep
 * its predecessor's connections alive.
 */
public final class GatewayLiveness {

  /** Forgets a gateway process once none of its connections is left. */
  private static final RedisScript FORGET_IF_EMPTY = new RedisScript("""
      if redis.call('SCARD', KEYS[1]) > 0 then return 0 end
      redis.call('SREM', KEYS[2], ARGV[1])
      redis.call('ZREM', KEYS[3], ARGV[1])
      return 1
      """);

  private final Redis redis;

  public GatewayLiveness(Redis redis) {
    this.redis = redis;
  }

  /** A connection open on a gateway process that presence still counts. */
  public record OpenConnection(long userId, String connectionId, String deviceId) {
    static OpenConnection parse(String member) {
      String[] parts = member.split("\\|", 3);
      return new OpenConnection(Long.parseLong(parts[0]), parts[1], parts.length > 2 ? parts[2] : "");
    }
  }

  /** A gateway process that stopped heartbeating, and when it was last heard from (0: never). */
  public record DeadGateway(String instance, long lastSeenMs) {}

  public Future<Void> beat(String gatewayInstance, long nowMs) {
    return redis.send(Request.cmd(Command.ZADD).arg(RedisKeys.PRESENCE_GATEWAY_SEEN).arg(nowMs).arg(gatewayInstance))
        .mapEmpty();
  }

  /** A gateway stopping on purpose: its remaining connections end at the next sweep. */
  public Future<Void> leave(String gatewayInstance) {
    return redis.send(Request.cmd(Command.ZREM).arg(RedisKeys.PRESENCE_GATEWAY_SEEN).arg(gatewayInstance)).mapEmpty();
  }

  /** Gateway processes with connections whose last heartbeat is older than {@code timeoutMs} (or absent). */
  public Future<List<DeadGateway>> dead(long nowMs, long timeoutMs) {
    return redis.send(Request.cmd(Command.SMEMBERS).arg(RedisKeys.PRESENCE_GATEWAYS)).compose(members -> {
      List<String> instances = new ArrayList<>();
      members.forEach(m -> instances.add(m.toString()));
      if (instances.isEmpty()) {
        return Future.succeededFuture(List.of());
      }
      Request scores = Request.cmd(Command.ZMSCORE).arg(RedisKeys.PRESENCE_GATEWAY_SEEN);
      instances.forEach(scores::arg);
      return redis.send(scores).map(seen -> {
        List<DeadGateway> dead = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
          Response score = seen.get(i);
          long lastSeen = score == null ? 0 : (long) score.toDouble().doubleValue();
          if (nowMs - lastSeen > timeoutMs) {
            dead.add(new DeadGateway(instances.get(i), lastSeen));
          }
        }
        return dead;
      });
    });
  }

  /** The connections presence still counts on a gateway process. */
  public Future<List<OpenConnection>> connectionsOn(String gatewayInstance) {
    return redis.send(Request.cmd(Command.SMEMBERS).arg(RedisKeys.presenceOnGateway(gatewayInstance))).map(members -> {
      List<OpenConnection> open = new ArrayList<>(members.size());
      members.forEach(m -> open.add(OpenConnection.parse(m.toString())));
      return open;
    });
  }

  /** @return true when the process had no connection left and is forgotten */
  public Future<Boolean> forgetIfEmpty(String gatewayInstance) {
    return redis.send(FORGET_IF_EMPTY.call(List.of(RedisKeys.presenceOnGateway(gatewayInstance), RedisKeys.PRESENCE_GATEWAYS,
        RedisKeys.PRESENCE_GATEWAY_SEEN), gatewayInstance)).map(reply -> reply.toInteger() == 1);
  }
}
