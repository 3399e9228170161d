package chat.gateway.limits;

/**
 * A token bucket: up to {@code capacity} frames at once, refilled at {@code perSecond}. Pure and
 * single-threaded (each bucket belongs to one event loop); time is passed in, in nanoseconds.
 */
public final class TokenBucket {

  private final double capacity;
  private final double perNano;
  private double tokens;
  private long last;

  public TokenBucket(double capacity, double perSecond, long nowNanos) {
    this.capacity = capacity;
    this.perNano = perSecond / 1e9;
    this.tokens = capacity;
    this.last = nowNanos;
  }

  /** Takes a token and returns 0, or takes none and returns how many ms until one is there. */
  public long take(long nowNanos) {
    refill(nowNanos);
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - tokens) / perNano / 1e6);
  }

  /** Gives back a token taken by {@link #take} when a later check refused the frame anyway. */
  public void giveBack() {
    tokens = Math.min(capacity, tokens + 1);
  }

  private void refill(long nowNanos) {
    tokens = Math.min(capacity, tokens + (nowNanos - last) * perNano);
    last = nowNanos;
  }
}
