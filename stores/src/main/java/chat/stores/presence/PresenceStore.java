package chat.stores.presence;

import chat.runtime.redis.RedisScript;
import chat.stores.RedisKeys;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each user's presence in Redis, changed only by atomic scripts so that every transition happens
 * exactly once however many presence instances run: a user is online while any connection is
 * open; when the last one closes, the user is put on a grace list and turns offline only if no
 * connection came back by the end of the grace period. What friends were last told is kept apart
 * from the status, so a change is told once and a flapping user is told at most once per
 * coalescing window.
 */
public final class PresenceStore {

  /** Adds the connection; 1 when the user came online. */
  private static final RedisScript CONNECT = new RedisScript("""
      redis.call('HSET', KEYS[2], ARGV[2], ARGV[3] .. '|' .. ARGV[4])
      redis.call('SADD', KEYS[3], ARGV[1] .. '|' .. ARGV[2] .. '|' .. ARGV[4])
      redis.call('SADD', KEYS[4], ARGV[3])
      redis.call('ZREM', KEYS[5], ARGV[1])
      local last = tonumber(redis.call('HGET', KEYS[1], 'last_active_at') or '0')
      if tonumber(ARGV[5]) > last then redis.call('HSET', KEYS[1], 'last_active_at', ARGV[5]) end
      if redis.call('HGET', KEYS[1], 'status') == 'online' then return 0 end
      redis.call('HSET', KEYS[1], 'status', 'online')
      return 1
      """);

  /** Removes the connection; 1 when it was the user's last one (the grace period starts). */
  private static final RedisScript DISCONNECT = new RedisScript("""
      if redis.call('HDEL', KEYS[2], ARGV[2]) == 0 then return 0 end
      redis.call('SREM', KEYS[3], ARGV[1] .. '|' .. ARGV[2] .. '|' .. ARGV[5])
      if redis.call('HLEN', KEYS[2]) > 0 then return 0 end
      local last = tonumber(redis.call('HGET', KEYS[1], 'last_active_at') or '0')
      if tonumber(ARGV[3]) > last then redis.call('HSET', KEYS[1], 'last_active_at', ARGV[3]) end
      if redis.call('HGET', KEYS[1], 'status') ~= 'online' then return 0 end
      redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
      return 1
      """);

  /** Ends a due grace period; 1 when the user went offline (by this call, and no other). */
  private static final RedisScript SETTLE = new RedisScript("""
      local due = redis.call('ZSCORE', KEYS[3], ARGV[1])
      if not due or tonumber(due) > tonumber(ARGV[2]) then return 0 end
      redis.call('ZREM', KEYS[3], ARGV[1])
      if redis.call('HLEN', KEYS[2]) > 0 then return 0 end
      if redis.call('HGET', KEYS[1], 'status') ~= 'online' then return 0 end
      redis.call('HSET', KEYS[1], 'status', 'offline')
      return 1
      """);

  /**
   * Claims the telling of the user's visible status to friends: nil when friends already know it,
   * or when they were told less than a window ago (then the user is put on the notice list for the
   * window's end); else {status, last_active_at, version}.
   */
  private static final RedisScript CLAIM_NOTICE = new RedisScript("""
      local s = redis.call('HMGET', KEYS[1], 'status', 'last_active_at', 'told_status', 'told_at')
      local visible = s[1] or 'offline'
      if ARGV[2] == '1' then visible = 'offline' end
      if visible == (s[3] or 'offline') then
        redis.call('ZREM', KEYS[2], ARGV[1])
        return false
      end
      local now = tonumber(ARGV[3])
      local toldAt = tonumber(s[4] or '0')
      if now - toldAt < tonumber(ARGV[4]) then
        redis.call('ZADD', KEYS[2], 'NX', toldAt + tonumber(ARGV[4]), ARGV[1])
        return false
      end
      local version = redis.call('HINCRBY', KEYS[1], 'told_version', 1)
      redis.call('HSET', KEYS[1], 'told_status', visible, 'told_at', ARGV[3])
      redis.call('ZREM', KEYS[2], ARGV[1])
      return {visible, s[2] or '0', version}
      """);

  private final Redis redis;

  public PresenceStore(Redis redis) {
    this.redis = redis;
  }

  /** A change to tell friends: the user's visible status, when they were last active, its version. */
  public record Notice(long userId, String status, long lastActiveAt, long version) {}

  /** What a user's presence record says now. */
  public record State(String status, long lastActiveAt) {}

  /** @return true when this made the user come online */
  public Future<Boolean> connected(long userId, String connectionId, String gateway, String deviceId, long at) {
    return redis.send(CONNECT.call(List.of(RedisKeys.presence(userId), RedisKeys.presenceConnections(userId),
            RedisKeys.presenceOnGateway(gateway), RedisKeys.PRESENCE_GATEWAYS, RedisKeys.PRESENCE_OFFLINE_DUE),
        userId, connectionId, gateway, deviceId, at)).map(reply -> reply.toInteger() == 1);
  }

  /** @return true when this was the user's last connection: they go offline at {@code offlineAt} unless one comes back */
  public Future<Boolean> disconnected(long userId, String connectionId, String gateway, String deviceId, long at,
      long offlineAt) {
    return redis.send(DISCONNECT.call(List.of(RedisKeys.presence(userId), RedisKeys.presenceConnections(userId),
            RedisKeys.presenceOnGateway(gateway), RedisKeys.PRESENCE_OFFLINE_DUE),
        userId, connectionId, at, offlineAt, deviceId)).map(reply -> reply.toInteger() == 1);
  }

  /** Users whose grace period has ended by {@code nowMs} (at most {@code limit}). */
  public Future<List<Long>> dueOffline(long nowMs, int limit) {
    return due(RedisKeys.PRESENCE_OFFLINE_DUE, nowMs, limit);
  }

  /** Users whose held-back change may be told by {@code nowMs} (at most {@code limit}). */
  public Future<List<Long>> dueNotices(long nowMs, int limit) {
    return due(RedisKeys.PRESENCE_NOTICE_DUE, nowMs, limit);
  }

  /** @return true when the user went offline now (exactly one caller sees true per transition) */
  public Future<Boolean> settle(long userId, long nowMs) {
    return redis.send(SETTLE.call(List.of(RedisKeys.presence(userId), RedisKeys.presenceConnections(userId),
        RedisKeys.PRESENCE_OFFLINE_DUE), userId, nowMs)).map(reply -> reply.toInteger() == 1);
  }

  /** The change to tell friends now, if any (see {@link #CLAIM_NOTICE}); at most one caller gets each version. */
  public Future<Optional<Notice>> claimNotice(long userId, boolean invisible, long nowMs, long windowMs) {
    return redis.send(CLAIM_NOTICE.call(List.of(RedisKeys.presence(userId), RedisKeys.PRESENCE_NOTICE_DUE),
            userId, invisible ? 1 : 0, nowMs, windowMs))
        .map(reply -> reply == null ? Optional.<Notice>empty()
            : Optional.of(new Notice(userId, reply.get(0).toString(), reply.get(1).toLong(), reply.get(2).toLong())));
  }

  /** The presence records of the users, in one round trip; users never seen are offline with no last activity. */
  public Future<Map<Long, State>> states(Collection<Long> userIds) {
    List<Long> users = new ArrayList<>(userIds);
    if (users.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    List<Request> reads = users.stream()
        .map(u -> Request.cmd(Command.HMGET).arg(RedisKeys.presence(u)).arg("status").arg("last_active_at")).toList();
    return redis.batch(reads).map(replies -> {
      Map<Long, State> states = new LinkedHashMap<>();
      for (int i = 0; i < users.size(); i++) {
        Response fields = replies.get(i);
        String status = fields.get(0) == null ? "offline" : fields.get(0).toString();
        long lastActive = fields.get(1) == null ? 0 : fields.get(1).toLong();
        states.put(users.get(i), new State(status, lastActive));
      }
      return states;
    });
  }

  private Future<List<Long>> due(String key, long nowMs, int limit) {
    return redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(key).arg("-inf").arg(nowMs).arg("LIMIT").arg(0).arg(limit))
        .map(reply -> {
          List<Long> users = new ArrayList<>(reply.size());
          reply.forEach(u -> users.add(u.toLong()));
          return users;
        });
  }
}
