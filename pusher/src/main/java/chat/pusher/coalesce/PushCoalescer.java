package chat.pusher.coalesce;

import chat.runtime.redis.RedisScript;
import chat.schemas.events.PushRequested;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Bursts per (user, channel) become one notification: the first request opens a window (the
 * pair goes on {@code push:due} for the window's end), later ones replace the message and badge
 * and count themselves. Claiming a due pair removes it and records the seq it notified, so a
 * request redelivered after a crash (same or older seq) is dropped instead of notifying again.
 * Redis keys: hash {@code push:pending:{user}:{channel}}, sorted set {@code push:due},
 * {@code push:sent:{user}:{channel}} (last notified seq, kept a day).
 */
public final class PushCoalescer {

  static final String DUE = "push:due";
  private static final long SENT_TTL_SECONDS = 86_400;

  /** 1 when the request was taken (new pair or newer message), 0 when it was already notified or pending. */
  private static final RedisScript ADD = new RedisScript("""
      local sent = tonumber(redis.call('GET', KEYS[3]) or '0')
      if tonumber(ARGV[2]) <= sent then return 0 end
      local current = tonumber(redis.call('HGET', KEYS[1], 'seq') or '0')
      if tonumber(ARGV[2]) <= current then return 0 end
      redis.call('HSET', KEYS[1], 'seq', ARGV[2], 'unread', ARGV[3], 'sender', ARGV[4], 'body', ARGV[5], 'sent_at', ARGV[6])
      redis.call('HINCRBY', KEYS[1], 'count', 1)
      redis.call('ZADD', KEYS[2], 'NX', ARGV[7], ARGV[1])
      return 1
      """);

  /** The pending notification of a due pair, removed (by this caller only); nil when not due or taken. */
  private static final RedisScript CLAIM = new RedisScript("""
      local due = redis.call('ZSCORE', KEYS[1], ARGV[1])
      if not due or tonumber(due) > tonumber(ARGV[2]) then return false end
      redis.call('ZREM', KEYS[1], ARGV[1])
      local p = redis.call('HMGET', KEYS[2], 'seq', 'unread', 'sender', 'body', 'sent_at', 'count')
      redis.call('DEL', KEYS[2])
      if not p[1] then return false end
      redis.call('SET', KEYS[3], p[1], 'EX', ARGV[3])
      return p
      """);

  private final Redis redis;
  private final long windowMs;

  public PushCoalescer(Redis redis, long windowMs) {
    this.redis = redis;
    this.windowMs = windowMs;
  }

  /** A notification that is due: the newest message of the burst and how many it stands for. */
  public record Pending(long userId, long channelId, long seq, long unread, long senderId, String body, long sentAt,
      int count) {}

  /** @return true when taken, false when a duplicate of something notified or already pending */
  public Future<Boolean> add(PushRequested request, long nowMs) {
    return redis.send(ADD.call(keys(request.userId(), request.channelId()), member(request.userId(), request.channelId()),
            request.seq(), request.unread(), request.senderId(), request.body() == null ? "" : request.body(),
            request.sentAt(), nowMs + windowMs))
        .map(reply -> reply.toInteger() == 1);
  }

  /** The pairs whose window has ended by {@code nowMs}, each claimed by exactly one caller. */
  public Future<List<Pending>> claimDue(long nowMs, int limit) {
    return redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(DUE).arg("-inf").arg(nowMs).arg("LIMIT").arg(0).arg(limit))
        .compose(members -> {
          List<Future<Optional<Pending>>> claims = new ArrayList<>();
          members.forEach(m -> claims.add(claim(m.toString(), nowMs)));
          return Future.all(claims).map(all -> {
            List<Pending> due = new ArrayList<>();
            for (int i = 0; i < claims.size(); i++) {
              claims.get(i).result().ifPresent(due::add);
            }
            return due;
          });
        });
  }

  private Future<Optional<Pending>> claim(String member, long nowMs) {
    String[] pair = member.split(":");
    long user = Long.parseLong(pair[0]);
    long channel = Long.parseLong(pair[1]);
    List<String> keys = List.of(DUE, "push:pending:" + member, "push:sent:" + member);
    return redis.send(CLAIM.call(keys, member, nowMs, SENT_TTL_SECONDS)).map(reply -> reply == null
        ? Optional.empty()
        : Optional.of(new Pending(user, channel, reply.get(0).toLong(), reply.get(1).toLong(), reply.get(2).toLong(),
            text(reply.get(3)), reply.get(4).toLong(), reply.get(5).toInteger())));
  }

  private static String text(Response value) {
    return value == null || value.toString().isEmpty() ? null : value.toString();
  }

  private static List<String> keys(long user, long channel) {
    String member = member(user, channel);
    return List.of("push:pending:" + member, DUE, "push:sent:" + member);
  }

  private static String member(long user, long channel) {
    return user + ":" + channel;
  }
}
