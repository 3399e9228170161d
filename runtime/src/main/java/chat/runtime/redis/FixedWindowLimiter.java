package chat.runtime.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;

/**
 * At most {@code limit} events per subject in each window of {@code windowSeconds}, counted in
 * Redis so every instance of a stage shares the count (one round trip per check).
 */
public final class FixedWindowLimiter {

  /** The outcome of one check: allowed, or refused with the seconds until the window ends. */
  public record Decision(boolean allowed, long retryAfterSeconds) {}

  private final Redis redis;
  private final String scope;
  private final int limit;
  private final int windowSeconds;

  public FixedWindowLimiter(Redis redis, String scope, int limit, int windowSeconds) {
    this.redis = redis;
    this.scope = scope;
    this.limit = limit;
    this.windowSeconds = windowSeconds;
  }

  public Future<Decision> check(String subject) {
    long now = System.currentTimeMillis() / 1000;
    long window = now / windowSeconds;
    String key = "rl:" + scope + ":" + subject + ":" + window;
    return redis.batch(List.of(Request.cmd(Command.INCR).arg(key), Request.cmd(Command.EXPIRE).arg(key).arg(windowSeconds)))
        .map(replies -> decide(replies.get(0).toLong(), now, window));
  }

  Decision decide(long count, long nowSeconds, long window) {
    return count <= limit ? new Decision(true, 0) : new Decision(false, Math.max(1, (window + 1) * windowSeconds - nowSeconds));
  }
}
