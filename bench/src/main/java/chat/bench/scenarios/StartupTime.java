package chat.bench.scenarios;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Startup: the all-in-one launched as {@code ./run-local} launches it (its own JVM, the packaged
 * runtime classpath), timed from launch to its "chat is ready" line (every engine and
 * stage up, topics and schemas in place), then stopped with SIGTERM. Runs either on a fresh data
 * folder each time or on one kept between runs (the usual developer case).
 */
public final class StartupTime {

  /** What the all-in-one prints once everything is up. */
  static final String READY_LINE = "chat is ready";

  /** The heap and collector options {@code ./run-local} starts the all-in-one with (checked against it by a test). */
  static final List<String> JVM_OPTIONS =
      List.of("-Xms1g", "-Xmx1g", "-XX:+UseG1GC", "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch");

  /**
   * @param classpath the all-in-one's runtime classpath
   * @param runs launches
   * @param fresh a new data folder for every run (else one folder, kept: the first run fills it)
   * @param workDir where the data folders and logs go
   */
  public record Options(String classpath, int runs, boolean fresh, Path workDir) {}

  /** Seconds from launch to ready, per run. */
  public record Result(List<Double> readySeconds, boolean fresh) {

    public String markdown() {
      StringBuilder table = new StringBuilder("| run | data folder | launch to ready s |\n|---|---|---|\n");
      for (int i = 0; i < readySeconds.size(); i++) {
        table.append(String.format(java.util.Locale.ROOT, "| %d | %s | %.1f |%n", i + 1,
            fresh ? "fresh" : i == 0 ? "new (then kept)" : "kept", readySeconds.get(i)));
      }
      return table.toString();
    }
  }

  private final Options options;

  public StartupTime(Options options) {
    this.options = options;
  }

  public Result run() throws Exception {
    Files.createDirectories(options.workDir());
    List<Double> seconds = new ArrayList<>();
    for (int i = 0; i < options.runs(); i++) {
      Path data = options.workDir().resolve(options.fresh() ? "data-" + i : "data");
      seconds.add(launch(data, options.workDir().resolve("all-in-one-" + i + ".log")));
      System.out.printf(java.util.Locale.ROOT, "run %d: ready in %.1f s%n", i + 1, seconds.get(i));
    }
    return new Result(seconds, options.fresh());
  }

  /**
   * Launches, waits for the ready line (at most 5 minutes), stops; the seconds to ready. Fresh
   * runs use free ports (the all-in-one then always starts from an empty folder); kept ones the
   * default ports, as {@code ./run-local} does, so nothing else may hold them.
   */
  private double launch(Path data, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(JVM_OPTIONS);
    command.addAll(List.of("-cp", options.classpath(), "chat.devstack.launcher.AllInOne", "--data-dir", data.toString()));
    if (options.fresh()) {
      command.add("--random-ports");
    }
    long start = System.nanoTime();
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .start();
    CompletableFuture<Long> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> follow(process, log, ready), "all-in-one-output");
    reader.setDaemon(true);
    reader.start();
    try {
      long readyAt = ready.get(5, TimeUnit.MINUTES);
      return (readyAt - start) / 1e9;
    } finally {
      process.destroy(); // SIGTERM, as Ctrl-C: stops the stages and the engines
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    }
  }

  /** Copies the output to the log and completes {@code ready} at the ready line (fails it if the process ends first). */
  private static void follow(Process process, Path log, CompletableFuture<Long> ready) {
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer file = Files.newBufferedWriter(log)) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        if (line.contains(READY_LINE)) {
          ready.complete(System.nanoTime());
        }
        file.write(line);
        file.write('\n');
      }
    } catch (IOException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IllegalStateException("the all-in-one ended before it was ready; see " + log));
  }
}
