package chat.devstack.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers every engine process this machine's devstacks started, with the JVM that owns it,
 * in {@code <tmp>/chat-devstack/pids}. A devstack that starts first stops the engines whose owner
 * died without cleaning up (kill -9, a crashed test JVM), so no orphan keeps a port or a data
 * directory busy.
 */
final class PidRegistry {

  private static final Logger log = LoggerFactory.getLogger(PidRegistry.class);
  private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir"), "chat-devstack", "pids");

  private PidRegistry() {}

  static void register(String engine, long pid) {
    write(engine, pid, ProcessHandle.current().pid());
  }

  static void unregister(long pid) {
    try (Stream<Path> files = list()) {
      files.filter(f -> f.getFileName().toString().endsWith("-" + pid + ".pid")).forEach(PidRegistry::delete);
    }
  }

  /** Stops every registered engine process whose owning JVM is gone. */
  static void reapOrphans() {
    try (Stream<Path> files = list()) {
      for (Path file : files.toList()) {
        List<String> fields = read(file);
        if (fields.size() < 2) {
          delete(file);
          continue;
        }
        long pid = Long.parseLong(fields.get(0));
        long owner = Long.parseLong(fields.get(1));
        if (ProcessHandle.of(owner).map(ProcessHandle::isAlive).orElse(false)) {
          continue;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(orphan -> {
          log.warn("stopping orphan engine process {} ({}) left by dead owner {}", pid, file.getFileName(), owner);
          kill(orphan, Duration.ofSeconds(10));
        });
        delete(file);
      }
    }
  }

  /**
   * Asks a process to stop (SIGTERM), then kills it (SIGKILL) after {@code grace}; true when it
   * stopped within the grace, on its own.
   */
  static boolean kill(ProcessHandle process, Duration grace) {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception timeout) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.onExit().join();
      return false;
    }
  }

  private static void write(String engine, long pid, long owner) {
    try {
      Files.createDirectories(DIR);
      Files.writeString(DIR.resolve(engine + "-" + pid + ".pid"), pid + "\n" + owner + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<Path> list() {
    try {
      Files.createDirectories(DIR);
      return Files.list(DIR).filter(f -> f.toString().endsWith(".pid"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // another devstack removed it first
    }
  }

  static Optional<Long> pidFromFile(Path pidFile) {
    List<String> lines = read(pidFile);
    return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0)));
  }
}
