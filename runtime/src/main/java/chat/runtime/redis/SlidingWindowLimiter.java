package chat.runtime.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.UUID;

/**
 * At most {@code limit} events per subject in <em>any</em> {@code windowSeconds}: each allowed
 * event is kept in a Redis sorted set by its time, events older than the window are dropped, and
 * an event is refused while the set is full. Counted in Redis, by Redis's clock, in one atomic
 * script, so every instance of a stage shares the count.
 *
 * <p>Windows fixed to the clock (a counter per minute) would let twice the limit through around a
 * window's end — ten guesses at 12:00:59 and ten more at 12:01:00 — and a client that happened to
 * straddle it would not be refused. Refused events are not recorded: a refused client can retry as
 * soon as its oldest counted event leaves the window, and it is told when ({@code Retry-After}).
 */
public final class SlidingWindowLimiter {

  /** The outcome of one check: allowed, or refused with the seconds until an event leaves the window. */
  public record Decision(boolean allowed, long retryAfterSeconds) {}

  /**
   * KEYS: the subject's set. ARGV: window ms, limit, a unique member. Returns 0 when allowed,
   * else the ms until the oldest counted event leaves the window.
   */
  private static final RedisScript CHECK = new RedisScript("""
      local t = redis.call('TIME')
      local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
      local window = tonumber(ARGV[1])
      redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
      if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
        redis.call('ZADD', KEYS[1], now, ARGV[3])
        redis.call('PEXPIRE', KEYS[1], window)
        return 0
      end
      local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
      return math.max(1, tonumber(oldest[2]) + window - now)""");

  private final Redis redis;
  private final String scope;
  private final int limit;
  private final long windowMillis;

  public SlidingWindowLimiter(Redis redis, String scope, int limit, int windowSeconds) {
    this.redis = redis;
    this.scope = scope;
    this.limit = limit;
    this.windowMillis = windowSeconds * 1000L;
  }

  /** Counts the event if the subject is under its limit. */
  public Future<Decision> check(String subject) {
    return redis.send(CHECK.call(List.of("rl:" + scope + ":" + subject), windowMillis, limit, UUID.randomUUID()))
        .map(SlidingWindowLimiter::decision);
  }

  private static Decision decision(Response waitMillis) {
    long wait = waitMillis.toLong();
    return wait == 0 ? new Decision(true, 0) : new Decision(false, retryAfterSeconds(wait));
  }

  /** Whole seconds, rounded up: a client retrying after them is counted again. */
  static long retryAfterSeconds(long waitMillis) {
    return Math.max(1, (waitMillis + 999) / 1000);
  }
}
