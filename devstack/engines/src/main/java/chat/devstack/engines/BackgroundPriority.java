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
 * so each thread under {@code /proc/<pid>/task} is reniced, again until a pass finds no thread it has
 * not seen (threads started meanwhile). Elsewhere {@code renice} applies to the process. A failure is
 * logged and the engine runs on at normal priority: this is about latency under load, not function.
 */
final class BackgroundPriority {

  /** The nice value of a background engine: the lowest priority a process may give itself. */
  static final int NICE = 19;

  private static final Logger log = LoggerFactory.getLogger(BackgroundPriority.class);
  private static final Path PROC = Path.of("/proc");
  private static final int MAX_PASSES = 5;

  private BackgroundPriority() {}

  /** Renices {@code pid} (all its threads, where the OS lists them) to {@link #NICE}. */
  static void apply(String engine, long pid) {
    try {
      if (Files.isDirectory(tasksOf(pid))) {
        reniceThreads(pid);
        List<Integer> nices = nicesOf(pid);
        long background = nices.stream().filter(nice -> nice == NICE).count();
        log.info("{} runs in the background: {} of its {} threads at nice {}", engine, background, nices.size(), NICE);
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

  /** The nice value of each thread of {@code pid} (Linux). */
  static List<Integer> nicesOf(long pid) throws IOException {
    List<Integer> nices = new ArrayList<>();
    for (long thread : threadsOf(pid)) {
      try {
        nices.add(niceOf(Files.readString(tasksOf(pid).resolve(Long.toString(thread)).resolve("stat"))));
      } catch (IOException ended) {
        // the thread ended since it was listed
      }
    }
    return nices;
  }

  private static void reniceThreads(long pid) throws IOException, InterruptedException {
    Set<Long> done = new TreeSet<>();
    for (int pass = 0; pass < MAX_PASSES; pass++) {
      List<Long> fresh = new ArrayList<>(threadsOf(pid));
      fresh.removeAll(done);
      if (fresh.isEmpty()) {
        return;
      }
      renice(fresh); // a thread that ended since it was listed fails alone; nicesOf tells the outcome
      done.addAll(fresh);
    }
  }

  private static Path tasksOf(long pid) {
    return PROC.resolve(Long.toString(pid)).resolve("task");
  }

  private static List<Long> threadsOf(long pid) throws IOException {
    try (Stream<Path> tasks = Files.list(tasksOf(pid))) {
      return tasks.map(task -> Long.parseLong(task.getFileName().toString())).sorted().toList();
    }
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

  /** The nice value in a {@code /proc/<pid>/task/<tid>/stat} line: the 19th field, counted past the command's parentheses. */
  static int niceOf(String stat) {
    int end = stat.lastIndexOf(')');
    if (end < 0) {
      throw new IllegalArgumentException("not a stat line: " + stat);
    }
    String[] fields = stat.substring(end + 2).split(" ");
    // fields[0] is field 3 (state), so field 19 (nice) is fields[16]
    return Integer.parseInt(fields[16]);
  }
}
