package chat.pusher.delivery;

import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: exponential from {@code baseMs} (doubling per attempt,
 * capped at {@code maxMs}) with ±50 % jitter so that retries of many devices spread out; never
 * sooner than the provider's Retry-After. Pure.
 */
public record Backoff(long baseMs, long maxMs) {

  /** @param attempt the attempt that just failed, from 1; @param random uniform in [0, 1) */
  public long delayMs(int attempt, long retryAfterMs, DoubleSupplier random) {
    double exponential = Math.min(maxMs, baseMs * Math.pow(2, Math.max(0, attempt - 1)));
    long jittered = (long) (exponential * (0.5 + random.getAsDouble()));
    return Math.max(retryAfterMs, Math.min(maxMs, jittered));
  }
}
