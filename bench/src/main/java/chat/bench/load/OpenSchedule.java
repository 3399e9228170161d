package chat.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.function.BooleanSupplier;

/**
 * The open model every latency scenario uses: operation {@code i} is due at
 * {@code start + i / rate} and is started then (or as soon as the generator can, never skipped),
 * so a stalled system cannot slow the offered load down and hide its stall (no coordinated
 * omission). Latencies are measured from {@link Step}'s {@code dueNanos}.
 */
public final class OpenSchedule {

  /** Starts operation {@code index}, due at {@code dueNanos} ({@link System#nanoTime()} scale). */
  public interface Step {
    void start(long index, long dueNanos);
  }

  private OpenSchedule() {}

  /**
   * Starts {@code total} operations at {@code ratePerSecond} from {@code startNanos}; completes
   * once all are started and {@code finished} says the results are in (checked every millisecond).
   */
  public static Future<Void> run(Vertx vertx, double ratePerSecond, long total, long startNanos, Step step,
      BooleanSupplier finished) {
    double intervalNanos = 1e9 / ratePerSecond;
    Promise<Void> done = Promise.promise();
    long[] next = {0};
    vertx.setPeriodic(1, timer -> {
      long now = System.nanoTime();
      while (next[0] < total && startNanos + (long) (next[0] * intervalNanos) <= now) {
        long i = next[0]++;
        step.start(i, startNanos + (long) (i * intervalNanos));
      }
      if (next[0] == total && finished.getAsBoolean()) {
        vertx.cancelTimer(timer);
        done.complete();
      }
    });
    return done.future();
  }
}
