package chat.stores.connections;

import chat.stores.RedisKeys;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which gateway holds each connected device of a user: a Redis hash per user, device → gateway,
 * that expires unless its gateway refreshes it, so a gateway that dies is forgotten.
 */
public final class Connections {

  /** Deletes a device's entry only if it still points at the calling gateway (a reconnect elsewhere wins). */
  private static final String UNREGISTER_IF_OURS =
      "if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end return 0";

  private final Redis redis;
  private final int ttlSeconds;

  public Connections(Redis redis, int ttlSeconds) {
    this.redis = redis;
    this.ttlSeconds = ttlSeconds;
  }

  public Future<Void> register(long userId, String deviceId, String gatewayId) {
    String key = RedisKeys.connections(userId);
    return redis.batch(List.of(
        Request.cmd(Command.HSET).arg(key).arg(deviceId).arg(gatewayId),
        Request.cmd(Command.EXPIRE).arg(key).arg(ttlSeconds))).mapEmpty();
  }

  /** A connected device of a user. */
  public record Device(long userId, String deviceId) {}

  public Future<Void> unregister(long userId, String deviceId, String gatewayId) {
    return redis.send(unregisterRequest(new Device(userId, deviceId), gatewayId)).mapEmpty();
  }

  /**
   * Unregisters many devices in one round trip, each only if it still points at the gateway: a
   * gateway whose sockets close by the thousand at once (a network blip, clients shutting down)
   * would otherwise send one command per socket, thousands in flight against the client's bound
   * ({@code redis.maxInFlight}).
   */
  public Future<Void> unregisterAll(List<Device> devices, String gatewayId) {
    if (devices.isEmpty()) {
      return Future.succeededFuture();
    }
    return redis.batch(devices.stream().map(device -> unregisterRequest(device, gatewayId)).toList()).mapEmpty();
  }

  private static Request unregisterRequest(Device device, String gatewayId) {
    return Request.cmd(Command.EVAL).arg(UNREGISTER_IF_OURS).arg(1)
        .arg(RedisKeys.connections(device.userId())).arg(device.deviceId()).arg(gatewayId);
  }

  /** Extends the expiry of the given users' entries (a gateway's heartbeat for its sockets). */
  public Future<Void> refresh(Collection<Long> userIds) {
    if (userIds.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Request> expires = userIds.stream()
        .map(u -> Request.cmd(Command.EXPIRE).arg(RedisKeys.connections(u)).arg(ttlSeconds)).toList();
    return redis.batch(expires).mapEmpty();
  }

  /** The gateways holding a device of each user, in one round trip; users with none are absent. */
  public Future<Map<Long, Set<String>>> gatewaysOf(Collection<Long> userIds) {
    List<Long> users = new ArrayList<>(userIds);
    if (users.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<Request> reads = users.stream().map(u -> Request.cmd(Command.HVALS).arg(RedisKeys.connections(u))).toList();
    return redis.batch(reads).map(replies -> {
      Map<Long, Set<String>> gateways = new HashMap<>();
      for (int i = 0; i < users.size(); i++) {
        Response reply = replies.get(i);
        if (reply != null && reply.size() > 0) {
          Set<String> set = new HashSet<>();
          reply.forEach(g -> set.add(g.toString()));
          gateways.put(users.get(i), set);
        }
      }
      return gateways;
    });
  }
}
