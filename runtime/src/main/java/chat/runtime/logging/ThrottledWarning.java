package chat.runtime.logging;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A warning that may happen for every request while something is down (a produce failing for
 * each send while Kafka is unreachable), logged at most once per interval with how many like it
 * were held back since the last line, so an operator learns why without a log line per request.
 * Thread-safe.
 */
public final class ThrottledWarning {

  private final Logger log;
  private final long everyMillis;
  private final LongSupplier clockMillis;
  /** When the last line was logged; one interval before the clock's start, so the first warning is. */
  private long lastLoggedAt;
  private long heldBack;

  public ThrottledWarning(Logger log, Duration every) {
    this(log, every, System::currentTimeMillis);
  }

  ThrottledWarning(Logger log, Duration every, LongSupplier clockMillis) {
    this.log = log;
    this.everyMillis = every.toMillis();
    this.clockMillis = clockMillis;
    this.lastLoggedAt = clockMillis.getAsLong() - everyMillis;
  }

  /** Logs {@code message} (an SLF4J pattern) unless one was logged within the interval; then only counts it. */
  public void warn(String message, Object... args) {
    long held;
    synchronized (this) {
      long now = clockMillis.getAsLong();
      if (now - lastLoggedAt < everyMillis) {
        heldBack++;
        return;
      }
      held = heldBack;
      heldBack = 0;
      lastLoggedAt = now;
    }
    log.warn(held == 0 ? message : message + " (and " + held + " more like it since the last report)", args);
  }
}
