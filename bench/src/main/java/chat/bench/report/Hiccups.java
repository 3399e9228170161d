package chat.bench.report;

import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Stalls of the machine itself while a run measured, seen by a thread that does nothing but ask
 * to sleep 1 ms and record how much later than that it woke (the method of Gil Tene's jHiccup).
 * Nothing of the system under test is in that delay: only the box not giving a runnable thread a
 * core — the hypervisor, a kernel thread that holds a core, or every core busy. A latency tail
 * that follows these stalls is the machine's, not the pipeline's; on 2026-12-02 a host's memory
 * monitor stalled a core for ~100 ms every ~0.6 s, and the 1:1 tail followed it (bench/README.md).
 *
 * @param p99Micros how late the sleeper woke at the 99th percentile, microseconds
 * @param p999Micros the same at the 99.9th
 * @param maxMicros the latest it woke
 * @param over10ms wake-ups more than 10 ms late: the stalls
 * @param stalledShare the share of the window spent in those stalls, 0..1 (the timer's usual
 *     slack of a fraction of a millisecond per sleep is not a stall and is left out)
 */
public record Hiccups(long p99Micros, long p999Micros, long maxMicros, long over10ms, double stalledShare) {

  private static final long STALL_MICROS = 10_000;

  /** The summary of a histogram of lateness in microseconds recorded over {@code seconds}. */
  public static Hiccups of(Histogram lateMicros, double seconds) {
    long stalls = 0;
    double stalledMicros = 0;
    for (HistogramIterationValue v : lateMicros.recordedValues()) {
      if (v.getValueIteratedTo() > STALL_MICROS) {
        stalls += v.getCountAtValueIteratedTo();
        stalledMicros += (double) lateMicros.medianEquivalentValue(v.getValueIteratedTo()) * v.getCountAtValueIteratedTo();
      }
    }
    return new Hiccups(lateMicros.getValueAtPercentile(99), lateMicros.getValueAtPercentile(99.9), lateMicros.getMaxValue(),
        stalls, seconds > 0 ? Math.min(1, stalledMicros / 1e6 / seconds) : 0);
  }

  /** One line for the Markdown report. */
  public String markdown() {
    return String.format(Locale.ROOT, "the machine's own stalls while measured (a thread sleeping 1 ms woke late by): "
        + "p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; over 10 ms late %d times, %.1f %% of the time%n",
        p99Micros / 1000.0, p999Micros / 1000.0, maxMicros / 1000.0, over10ms, stalledShare * 100);
  }

  /**
   * The sleeping thread. {@link #start()} begins recording on a daemon thread of its own (a
   * platform thread, not an event loop: a busy loop's lateness is not the machine's);
   * {@link #stop()} ends it and sums up.
   */
  public static final class Meter {
    private static final long ASKED_NANOS = 1_000_000;

    private final Histogram lateMicros = new Histogram(3_600_000_000L, 3);
    private final Thread thread;
    private final long startNanos;
    private volatile boolean running = true;

    private Meter() {
      startNanos = System.nanoTime();
      thread = new Thread(this::run, "hiccup-meter");
      thread.setDaemon(true);
      thread.setPriority(Thread.MAX_PRIORITY);
    }

    public static Meter start() {
      Meter meter = new Meter();
      meter.thread.start();
      return meter;
    }

    private void run() {
      while (running) {
        long before = System.nanoTime();
        try {
          Thread.sleep(ASKED_NANOS / 1_000_000);
        } catch (InterruptedException e) {
          return;
        }
        record(System.nanoTime() - before);
      }
    }

    /** Records one sleep that took {@code sleptNanos} for the 1 ms asked. */
    synchronized void record(long sleptNanos) {
      lateMicros.recordValue(Math.max(0, sleptNanos - ASKED_NANOS) / 1000);
    }

    /** Stops the thread and sums up what it saw. */
    public Hiccups stop() {
      running = false;
      thread.interrupt();
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      synchronized (this) {
        return Hiccups.of(lateMicros, (System.nanoTime() - startNanos) / 1e9);
      }
    }
  }
}
