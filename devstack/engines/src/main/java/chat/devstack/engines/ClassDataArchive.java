package chat.devstack.engines;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The class-data-sharing archive of an engine's JVM (the JDK's dynamic AppCDS archive): the classes
 * the engine loaded, already parsed and verified, mapped into the next start instead of loaded again.
 *
 * <p>Cassandra and Kafka spend a quarter of their start loading classes on a busy two-core box; with
 * the archive Cassandra alone went from 13.2–14.2 s to 10.2–11.1 s and ~21 to ~16 CPU seconds. The
 * first start of an engine writes the archive when it stops (a few seconds at exit, once); every
 * later start on this machine, for any data folder, maps it.
 *
 * <p>An archive is only valid for the JVM and the exact jars it was written from, so its name carries
 * a digest of the JDK, the engine's classpath and each jar's size and time: a rebuilt or upgraded jar
 * simply gets a new archive, and the stale ones of the same engine are deleted. Archives live in the
 * {@link MachineCache}'s {@code class-data} folder. Anything that goes wrong here only costs the
 * speed-up: the engine then starts without an archive.
 */
final class ClassDataArchive {

  private static final Logger log = LoggerFactory.getLogger(ClassDataArchive.class);

  private final Path archive;
  private final Path writing;
  private final List<String> jvmOptions;

  private ClassDataArchive(Path archive, Path writing, List<String> jvmOptions) {
    this.archive = archive;
    this.writing = writing;
    this.jvmOptions = jvmOptions;
  }

  /**
   * The archive of {@code engine}'s JVM on {@code classpath}: used if it exists, written at the JVM's
   * exit if not. {@code javaAgent} must say whether the JVM runs a Java agent (the JDK then needs a
   * diagnostic switch to archive).
   */
  static ClassDataArchive of(String engine, String classpath, boolean javaAgent) {
    return in(MachineCache.dir("class-data"), engine, classpath, javaAgent);
  }

  /** As {@link #of}, with the archives in {@code folder}. */
  static ClassDataArchive in(Path folder, String engine, String classpath, boolean javaAgent) {
    List<String> agentSwitch = javaAgent
        ? List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AllowArchivingWithJavaAgent")
        : List.of();
    if (Stream.of(classpath.split(File.pathSeparator)).map(Path::of).anyMatch(Files::isDirectory)) {
      return new ClassDataArchive(null, null, List.of()); // the JDK archives classes from jars only
    }
    try {
      Path dir = Files.createDirectories(folder);
      String prefix = engine.toLowerCase() + "-";
      Path archive = dir.resolve(prefix + digest(classpath) + ".jsa");
      if (Files.isRegularFile(archive)) {
        return new ClassDataArchive(archive, null,
            concat(agentSwitch, List.of("-XX:SharedArchiveFile=" + archive)));
      }
      Path writing = Files.createTempFile(dir, prefix, ".jsa.partial");
      Files.delete(writing); // the JVM creates it at exit
      return new ClassDataArchive(archive, writing,
          // writing, the JVM warns of every class it cannot archive (Kafka's argparse4j: dozens of
          // lines) at exit, which would bury the real error at the end of a failed start's log
          concat(agentSwitch, List.of("-XX:ArchiveClassesAtExit=" + writing, "-Xlog:cds=off")));
    } catch (IOException | RuntimeException e) {
      log.debug("{} starts without a class-data archive: {}", engine, e.toString());
      return new ClassDataArchive(null, null, List.of());
    }
  }

  /** The JVM options that use (or write) the archive; none when there is no usable cache folder. */
  List<String> jvmOptions() {
    return jvmOptions;
  }

  /**
   * After the JVM exited: keeps the archive it wrote if it stopped on its own (one killed while
   * writing leaves a partial file), and deletes the same engine's archives of other jars.
   */
  void settle(boolean exitedOnItsOwn) {
    if (writing == null) {
      return;
    }
    try {
      if (exitedOnItsOwn && Files.size(writing) > 0) {
        Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        deleteStale();
      } else {
        Files.deleteIfExists(writing);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("class-data archive {} not kept: {}", writing, e.toString());
      try {
        Files.deleteIfExists(writing);
      } catch (IOException ignored) {
        // a leftover partial file is never read: only *.jsa files are
      }
    }
  }

  private void deleteStale() throws IOException {
    String name = archive.getFileName().toString();
    String prefix = name.substring(0, name.indexOf('-') + 1);
    try (Stream<Path> files = Files.list(archive.getParent())) {
      for (Path file : files.toList()) {
        String other = file.getFileName().toString();
        if (other.startsWith(prefix) && other.endsWith(".jsa") && !other.equals(name)) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  /** What the archive depends on: the JDK, and each classpath entry with its size and time. */
  static String digest(String classpath) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      update(sha, System.getProperty("java.home"));
      update(sha, System.getProperty("java.vm.version"));
      for (String entry : classpath.split(File.pathSeparator)) {
        Path path = Path.of(entry);
        update(sha, entry);
        if (Files.exists(path)) {
          update(sha, Files.size(path) + "/" + Files.getLastModifiedTime(path).toMillis());
        }
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (NoSuchAlgorithmException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
    sha.update((byte) 0);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
