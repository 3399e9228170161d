package chat.bench.report;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the whole machine's CPU time went while a run was measured, from the {@code cpu} line of
 * {@code /proc/stat}: busy (user, nice, irq, softirq), system, idle (with I/O wait) and
 * <b>steal</b> — time the hypervisor gave to other guests. On a shared virtual machine steal
 * comes and goes with the neighbours' load; a run with much of it measured a slower box, so every
 * latency run reports it beside its figures. Beside the machine's split, a window also reads
 * which processes took the cores ({@link ProcessCpu}), how long the machine itself stalled
 * ({@link Hiccups}) and which JVMs under test had only just started ({@link ColdStart}).
 */
public final class BoxCpu {

  private static final Path PROC_STAT = Path.of("/proc/stat");

  private BoxCpu() {}

  /**
   * Cumulative CPU time of all cores in clock ticks, by kind, how many cores there are, and the
   * context switches since boot ({@code ctxt}; 0 when not read).
   */
  public record Ticks(long busy, long system, long idle, long steal, int cores, long switches) {

    /** Parses the aggregate {@code cpu} line: user nice system idle iowait irq softirq steal … */
    public static Ticks parse(String cpuLine) {
      return parse(cpuLine, 1);
    }

    /** The aggregate line of a machine with {@code cores} cores (its {@code cpuN} lines). */
    public static Ticks parse(String cpuLine, int cores) {
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
      return new Ticks(user + nice + irq + softirq, system, idle + iowait, steal, cores, 0);
    }

    /** The same reading with the machine's context switches since boot (the {@code ctxt} line). */
    public Ticks withSwitches(long contextSwitches) {
      return new Ticks(busy, system, idle, steal, cores, contextSwitches);
    }

    long total() {
      return busy + system + idle + steal;
    }
  }

  /**
   * Shares of the machine's CPU time between two readings, each 0..1 (they add up to 1), the
   * cores each process role kept busy meanwhile ({@code processes}, e.g. 0.45 for 45 % of one
   * core), over {@code seconds}, the context switches of the whole machine a second
   * ({@code switchesPerSecond}, 0 when unknown: on a virtual machine each one costs the
   * hypervisor's work too, bench README "2026-12-02, evening"), the machine's own stalls meanwhile ({@code hiccups}, null
   * when not measured), and the age in seconds of the JVMs under test that were still warming
   * when it began ({@code warmingSeconds}, empty when none was).
   */
  public record Split(double busy, double system, double idle, double steal, Map<String, Double> processes, double seconds,
      double switchesPerSecond, Hiccups hiccups, Map<String, Long> warmingSeconds) {

    public static Split between(Ticks from, Ticks to) {
      return between(from, to, Map.of(), Map.of(), 0);
    }

    /** The same split with the stalls measured over its window. */
    public Split withHiccups(Hiccups measured) {
      return new Split(busy, system, idle, steal, processes, seconds, switchesPerSecond, measured, warmingSeconds);
    }

    /** The same split with the JVMs that were still warming when the window opened ({@link ColdStart}). */
    public Split withWarming(Map<String, Long> warming) {
      return new Split(busy, system, idle, steal, processes, seconds, switchesPerSecond, hiccups, warming);
    }

    /** The split, with process readings ({@link ProcessCpu#read}) taken with the two machine readings. */
    public static Split between(Ticks from, Ticks to, Map<String, Long> processesFrom, Map<String, Long> processesTo, double seconds) {
      double total = Math.max(1, to.total() - from.total());
      double switches = seconds > 0 && from.switches() > 0 ? (to.switches() - from.switches()) / seconds : 0;
      return new Split((to.busy() - from.busy()) / total, (to.system() - from.system()) / total,
          (to.idle() - from.idle()) / total, (to.steal() - from.steal()) / total,
          ProcessCpu.cores(processesFrom, processesTo, total / Math.max(1, to.cores())), seconds, switches, null, Map.of());
    }

    /** One line for the Markdown report, and one more each for the stalls and the processes when measured. */
    public String markdown() {
      String machine = ColdStart.markdown(warmingSeconds)
          + String.format(Locale.ROOT, "machine CPU while measured: busy %.0f %%, system %.0f %%, idle %.0f %%, "
          + "**steal %.0f %%** (taken by the hypervisor)%s%n", busy * 100, system * 100, idle * 100, steal * 100,
          switchesPerSecond > 0 ? String.format(Locale.ROOT, "; %.0f context switches/s", switchesPerSecond) : "");
      if (hiccups != null) {
        machine += "\n" + hiccups.markdown();
      }
      if (processes.isEmpty()) {
        return machine;
      }
      return machine + "\ncores used while measured: " + byRole("%s %.2f", 1) + "\n";
    }

    /**
     * CPU milliseconds each process role spent per counted item of the window (a message, a
     * delivery, a read); empty when the processes were not read.
     */
    public String markdownPer(long items, String item) {
      if (processes.isEmpty() || items <= 0 || seconds <= 0) {
        return "";
      }
      double msPerItem = seconds * 1000 / items; // per core kept busy
      double total = processes.values().stream().mapToDouble(Double::doubleValue).sum();
      String switches = switchesPerSecond > 0
          ? String.format(Locale.ROOT, "; %.1f context switches per %s", switchesPerSecond * seconds / items, item) : "";
      return String.format(Locale.ROOT, "CPU per %s: %.2f ms in all (%s)%s\n", item, total * msPerItem, byRole("%s %.3f", msPerItem),
          switches);
    }

    /**
     * The roles, busiest first, each with its cores times {@code scale}, in {@code format}; roles
     * under half a percent of a core are left out of the line (the JSON keeps them).
     */
    private String byRole(String format, double scale) {
      return processes.entrySet().stream()
          .filter(e -> e.getValue() >= 0.005)
          .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
          .map(e -> String.format(Locale.ROOT, format, e.getKey(), e.getValue() * scale))
          .collect(Collectors.joining(", "));
    }
  }

  /** The current reading, or null where there is no {@code /proc/stat} (not Linux). */
  public static Ticks read() {
    try {
      List<String> lines = Files.readAllLines(PROC_STAT);
      int cores = (int) lines.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
      long switches = lines.stream().filter(line -> line.startsWith("ctxt ")).findFirst()
          .map(line -> Long.parseLong(line.substring(5).trim())).orElse(0L);
      return Ticks.parse(lines.get(0), Math.max(1, cores)).withSwitches(switches);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A measured window: the first readings are taken at {@code startNanos}, the second by
   * {@link #close()}, and a {@link Hiccups.Meter} runs in between. The opening readings run on a
   * worker thread, since listing {@code /proc} must not hold up the sends being measured;
   * {@link Window#close()} reads on the caller's thread, once the run is over.
   */
  public static Window window(Vertx vertx, long startNanos) {
    Window window = new Window();
    long delayMs = Math.max(1, (startNanos - System.nanoTime()) / 1_000_000);
    vertx.setTimer(delayMs, id -> vertx.executeBlocking(() -> {
      window.open(read(), ProcessCpu.read(), System.nanoTime());
      return null;
    }));
    return window;
  }

  /** See {@link #window}. */
  public static final class Window {
    private Ticks from;
    private Map<String, Long> processesFrom;
    private long fromNanos;
    private Hiccups.Meter stalls;
    private Map<String, Long> warming = Map.of();
    private boolean closed;

    private Window() {}

    private synchronized void open(Ticks ticks, Map<String, Long> processes, long nanos) {
      if (closed) {
        return; // closed before it opened: nothing to measure, no meter left running
      }
      from = ticks;
      processesFrom = processes;
      fromNanos = nanos;
      warming = ColdStart.warming(java.time.Instant.now());
      stalls = Hiccups.Meter.start();
    }

    /** The split since the window opened; null if it never opened or there is nothing to read. */
    public synchronized Split close() {
      closed = true;
      Hiccups hiccups = stalls == null ? null : stalls.stop();
      Ticks to = read();
      Map<String, Long> processesTo = ProcessCpu.read();
      return from == null || to == null ? null
          : Split.between(from, to, processesFrom, processesTo, (System.nanoTime() - fromNanos) / 1e9).withHiccups(hiccups)
              .withWarming(warming);
    }
  }
}
