package chat.bench.report;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the whole machine's CPU time went while a run was measured, from the {@code cpu} line of
 * {@code /proc/stat}: busy (user, nice, irq, softirq), system, idle (with I/O wait) and
 * <b>steal</b> — time the hypervisor gave to other guests. On a shared virtual machine steal
 * comes and goes with the neighbours' load; a run with much of it measured a slower box, so every
 * latency run reports it beside its figures.
 */
public final class BoxCpu {

  private static final Path PROC_STAT = Path.of("/proc/stat");

  private BoxCpu() {}

  /** Cumulative CPU time of all cores in clock ticks, by kind. */
  public record Ticks(long busy, long system, long idle, long steal) {

    /** Parses the aggregate {@code cpu} line: user nice system idle iowait irq softirq steal … */
    public static Ticks parse(String cpuLine) {
      String[] f = cpuLine.trim().split("\\s+");
      if (f.length < 9 || !f[0].equals("cpu")) {
        throw new IllegalArgumentException("not the aggregate cpu line of /proc/stat: " + cpuLine);
      }
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      long steal = Long.parseLong(f[8]);
      return new Ticks(user + nice + irq + softirq, system, idle + iowait, steal);
    }

    long total() {
      return busy + system + idle + steal;
    }
  }

  /** Shares of the machine's CPU time between two readings, each 0..1 (they add up to 1). */
  public record Split(double busy, double system, double idle, double steal) {

    public static Split between(Ticks from, Ticks to) {
      double total = Math.max(1, to.total() - from.total());
      return new Split((to.busy() - from.busy()) / total, (to.system() - from.system()) / total,
          (to.idle() - from.idle()) / total, (to.steal() - from.steal()) / total);
    }

    /** One line for the Markdown report. */
    public String markdown() {
      return String.format(Locale.ROOT, "machine CPU while measured: busy %.0f %%, system %.0f %%, idle %.0f %%, "
          + "**steal %.0f %%** (taken by the hypervisor)%n", busy * 100, system * 100, idle * 100, steal * 100);
    }
  }

  /** The current reading, or null where there is no {@code /proc/stat} (not Linux). */
  public static Ticks read() {
    try {
      return Ticks.parse(Files.readAllLines(PROC_STAT).get(0));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** A measured window: the first reading is taken at {@code startNanos}, the second by {@link #close()}. */
  public static Window window(Vertx vertx, long startNanos) {
    Window window = new Window();
    long delayMs = Math.max(1, (startNanos - System.nanoTime()) / 1_000_000);
    vertx.setTimer(delayMs, id -> window.from = read());
    return window;
  }

  /** See {@link #window}. */
  public static final class Window {
    private volatile Ticks from;

    private Window() {}

    /** The split since the window opened; null if it never opened or there is nothing to read. */
    public Split close() {
      Ticks to = read();
      return from == null || to == null ? null : Split.between(from, to);
    }
  }
}
