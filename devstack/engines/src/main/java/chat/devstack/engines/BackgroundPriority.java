package chat.devstack.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a running engine to the lowest CPU priority (nice 19) once it is up, so that on a busy box
 * the processes on the live message path (Kafka, Redis, the stages, the clients) run first and the
 * engine takes the CPU they leave. For Cassandra: live delivery never waits on it (the router reads
 * Kafka; the persister writes history behind it), yet its request threads, flushes, compactions and
 * collections took their share of the two cores at the moments messages needed them
 * (bench/README.md, "Cassandra in the background").
 *
 * <p>It runs after readiness, not at launch: the engine starts as fast as it did (all-in-one ready
 * waits for it). On Linux every thread has its own nice value and a new thread takes its creator's,
 * so each thread under {@code /proc/<pid>/task} is reniced but the JIT compilers
 * ({@link #keepsPriority}), again until a pass finds no thread it has not seen (threads started
 * meanwhile). Elsewhere {@code renice} applies to the process. A failure is logged and the engine
 * runs on at normal priority: this is about latency under load, not function.
 */
final class BackgroundPriority {

  /** The nice value of a background engine: the lowest priority a process may give itself. */
  static final int NICE = 19;

  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
  private static final Path PROC = Path.of("/proc");
  private static final int MAX_PASSES = 5;

  private BackgroundPriority() {}

  /** Renices {@code pid} (all its threads but the JIT compilers', where the OS lists them) to {@link #NICE}. */
  static void apply(String engine, long pid) {
    try {
      if (Files.isDirectory(tasksOf(pid))) {
        reniceThreads(pid);
        List<Task> threads = threadsOf(pid);
        long background = threads.stream().filter(thread -> thread.nice() == NICE).count();
        log.info("{} runs in the background: {} of its {} threads at nice {}, its JIT compilers at normal priority",
            engine, background, threads.size(), NICE);
      } else {
        String said = renice(List.of(pid));
        log.info("{} runs in the background (nice {}){}", engine, NICE, said.isEmpty() ? "" : ": " + said);
      }
    } catch (IOException | RuntimeException e) {
      log.warn("{} stays at normal CPU priority: {}", engine, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Whether a thread keeps its priority: the JVM's JIT compilers. Just after start an engine runs
   * mostly interpreted while the box is at its busiest (every JVM compiling). With every thread of
   * Cassandra at nice 19, the persister's writes timed out (2 s) and were retried 7–9 times in the
   * first minute at 1,000 msg/s; with the compilers left alone, twice (one start each). Compilers
   * are busy only in the first minutes, and the JVM starts more of them from one of them, so the
   * ones started later keep the priority too.
   */
  static boolean keepsPriority(String threadName) {
    return threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre");
  }

  /** A thread of a process as {@code /proc/<pid>/task/<tid>/stat} describes it. */
  record Task(long id, String name, int nice) {

    /** Reads a stat line: the name between the first '(' and the last ')', the nice value the 19th field. */
    static Task parse(String stat) {
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      if (open < 0 || close < open) {
        throw new IllegalArgumentException("not a stat line: " + stat);
      }
      String[] fields = stat.substring(close + 2).split(" ");
      // fields[0] is field 3 (state), so field 19 (nice) is fields[16]
      return new Task(Long.parseLong(stat.substring(0, open).trim()), stat.substring(open + 1, close),
          Integer.parseInt(fields[16]));
    }
  }

  /** Every thread of {@code pid} (Linux). */
  static List<Task> threadsOf(long pid) throws IOException {
    List<Task> threads = new ArrayList<>();
    try (Stream<Path> tasks = Files.list(tasksOf(pid))) {
      for (Path task : tasks.sorted().toList()) {
        try {
          threads.add(Task.parse(Files.readString(task.resolve("stat"))));
        } catch (IOException ended) {
          // the thread ended since it was listed
        }
      }
    }
    return threads;
  }

  private static void reniceThreads(long pid) throws IOException, InterruptedException {
    Set<Long> seen = new TreeSet<>();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<Task> fresh = threadsOf(pid).stream().filter(thread -> !seen.contains(thread.id())).toList();
      if (fresh.isEmpty()) {
        return;
      }
      List<Long> ids = fresh.stream().filter(thread -> !keepsPriority(thread.name())).map(Task::id).toList();
      if (!ids.isEmpty()) {
        renice(ids); // a thread that ended since it was listed fails alone; threadsOf tells the outcome
      }
      fresh.forEach(thread -> seen.add(thread.id()));
    }
  }

  private static Path tasksOf(long pid) {
    return PROC.resolve(Long.toString(pid)).resolve("task");
  }

  /** Runs renice over {@code ids}; what it printed. */
  private static String renice(List<Long> ids) throws IOException, InterruptedException {
    Process renice = new ProcessBuilder(command(ids)).redirectErrorStream(true).start();
    if (!renice.waitFor(10, TimeUnit.SECONDS)) {
      renice.destroyForcibly();
      throw new IOException("renice did not finish in 10 s");
    }
    return new String(renice.getInputStream().readAllBytes()).trim();
  }

  /** {@code renice -n 19 -p <id>...}: one process for all the ids. */
  static List<String> command(List<Long> ids) {
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("no process or thread to renice");
    }
    List<String> command = new ArrayList<>(List.of("renice", "-n", Integer.toString(NICE), "-p"));
    ids.forEach(id -> command.add(Long.toString(id)));
    return command;
  }
}
