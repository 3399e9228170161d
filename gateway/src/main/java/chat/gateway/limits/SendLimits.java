package chat.gateway.limits;

import java.util.HashMap;
import java.util.Map;

/**
 * The send limits of one gateway: a bucket per connection and one per user (shared by the
 * user's devices on this gateway). A send must find a token in both. Touched only from the
 * gateway verticle's event loop.
 */
public final class SendLimits {

  /** Bucket sizes and rates. */
  public record Rates(double perConnectionBurst, double perConnectionPerSecond, double perUserBurst, double perUserPerSecond) {}

  private final Rates rates;
  private final Map<Long, Counted> users = new HashMap<>();

  public SendLimits(Rates rates) {
    this.rates = rates;
  }

  public TokenBucket connectionBucket(long nowNanos) {
    return new TokenBucket(rates.perConnectionBurst(), rates.perConnectionPerSecond(), nowNanos);
  }

  /** The user's bucket, kept while they have a connection here. */
  public TokenBucket userBucket(long userId, long nowNanos) {
    Counted counted = users.computeIfAbsent(userId, u -> new Counted(new TokenBucket(rates.perUserBurst(), rates.perUserPerSecond(), nowNanos)));
    counted.connections++;
    return counted.bucket;
  }

  public void released(long userId) {
    Counted counted = users.get(userId);
    if (counted != null && --counted.connections <= 0) {
      users.remove(userId);
    }
  }

  /** 0 when both buckets gave a token, else the ms to wait (and no token is kept). */
  public static long take(TokenBucket connection, TokenBucket user, long nowNanos) {
    long waitConnection = connection.take(nowNanos);
    if (waitConnection > 0) {
      return waitConnection;
    }
    long waitUser = user.take(nowNanos);
    if (waitUser > 0) {
      connection.giveBack();
    }
    return waitUser;
  }

  private static final class Counted {
    final TokenBucket bucket;
    int connections;

    Counted(TokenBucket bucket) {
      this.bucket = bucket;
    }
  }
}
