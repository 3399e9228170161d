package chat.devstack.engines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * One engine process: started with its output in a log file, registered in the {@link PidRegistry},
 * waited on until a probe says it is ready, and stopped with SIGTERM then SIGKILL.
 */
final class ChildProcess implements AutoCloseable {

  private final String engine;
  private final Process process;
  private final Path logFile;
  private final ClassDataArchive archive;

  private ChildProcess(String engine, Process process, Path logFile, ClassDataArchive archive) {
    this.engine = engine;
    this.process = process;
    this.logFile = logFile;
    this.archive = archive;
  }

  static ChildProcess start(String engine, List<String> command, Path workDir, Path logFile) {
    return start(engine, command, workDir, logFile, null);
  }

  /**
   * A JVM engine: {@code command} is {@code java} and its arguments; the archive's options go right
   * after {@code java}, and once the JVM has stopped the archive it wrote (if any) is kept.
   */
  static ChildProcess startJvm(String engine, List<String> command, Path workDir, Path logFile,
      ClassDataArchive archive) {
    List<String> withArchive = new java.util.ArrayList<>(command.subList(0, 1));
    withArchive.addAll(archive.jvmOptions());
    withArchive.addAll(command.subList(1, command.size()));
    return start(engine, withArchive, workDir, logFile, archive);
  }

  private static ChildProcess start(String engine, List<String> command, Path workDir, Path logFile,
      ClassDataArchive archive) {
    try {
      Files.createDirectories(workDir);
      Process process = new ProcessBuilder(command)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(logFile.toFile())
          .start();
      PidRegistry.register(engine, process.pid());
      return new ChildProcess(engine, process, logFile, archive);
    } catch (IOException e) {
      throw new EngineStartException(engine, "could not launch " + command.get(0), e);
    }
  }

  /** The path of the {@code java} binary of the running JVM, for child JVMs. */
  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /**
   * Polls {@code probe} until it returns true. Fails fast, with the end of the engine's log, when
   * the process exits or the timeout passes.
   */
  void awaitReady(Duration timeout, Callable<Boolean> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new EngineStartException(engine, "process exited with code " + process.exitValue()
            + "; end of " + logFile + ":\n" + tail());
      }
      try {
        if (probe.call()) {
          return;
        }
      } catch (Exception e) {
        last = e;
      }
      try {
        Thread.sleep(100); // polling an external process that offers no readiness callback
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new EngineStartException(engine, "interrupted while waiting for readiness");
      }
    }
    close();
    throw new EngineStartException(engine, "not ready after " + timeout.toSeconds() + " s"
        + (last == null ? "" : " (last probe error: " + last + ")") + "; end of " + logFile + ":\n" + tail(), last);
  }

  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    boolean stoppedOnItsOwn = PidRegistry.kill(process.toHandle(), Duration.ofSeconds(15));
    PidRegistry.unregister(process.pid());
    if (archive != null) {
      archive.settle(stoppedOnItsOwn);
    }
  }

  private String tail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException | RuntimeException e) {
      return "(log unreadable: " + e + ")";
    }
  }
}
