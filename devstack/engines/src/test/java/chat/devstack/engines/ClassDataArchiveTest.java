package chat.devstack.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataArchiveTest {

  @TempDir
  Path folder;

  @Test
  void the_first_start_writes_the_archive_and_the_next_one_maps_it() throws Exception {
    String classpath = jar("engine.jar", "v1").toString();

    ClassDataArchive first = ClassDataArchive.in(folder, "Kafka", classpath, false);
    String writing = option(first, "-XX:ArchiveClassesAtExit=");
    Files.writeString(Path.of(writing), "archived classes"); // what the JVM does at its exit
    first.settle(true);

    ClassDataArchive next = ClassDataArchive.in(folder, "Kafka", classpath, false);
    String mapped = option(next, "-XX:SharedArchiveFile=");
    assertThat(Path.of(mapped)).hasContent("archived classes");
    assertThat(Path.of(writing)).doesNotExist();
  }

  @Test
  void a_partial_archive_of_a_killed_jvm_is_dropped() throws Exception {
    String classpath = jar("engine.jar", "v1").toString();
    ClassDataArchive first = ClassDataArchive.in(folder, "Kafka", classpath, false);
    Path writing = Path.of(option(first, "-XX:ArchiveClassesAtExit="));
    Files.writeString(writing, "half an archive");

    first.settle(false);

    assertThat(writing).doesNotExist();
    assertThat(option(ClassDataArchive.in(folder, "Kafka", classpath, false), "-XX:")).startsWith("ArchiveClassesAtExit=");
  }

  @Test
  void a_rebuilt_jar_gets_a_new_archive_and_the_stale_one_is_deleted() throws Exception {
    Path jar = jar("engine.jar", "v1");
    String before = ClassDataArchive.digest(jar.toString());
    ClassDataArchive first = ClassDataArchive.in(folder, "Cassandra", jar.toString(), true);
    Files.writeString(Path.of(option(first, "-XX:ArchiveClassesAtExit=")), "archive of v1");
    first.settle(true);

    Files.writeString(jar, "v2, a little longer");
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
    assertThat(ClassDataArchive.digest(jar.toString())).isNotEqualTo(before);
    ClassDataArchive rebuilt = ClassDataArchive.in(folder, "Cassandra", jar.toString(), true);
    assertThat(rebuilt.jvmOptions()).contains("-XX:+AllowArchivingWithJavaAgent");
    Files.writeString(Path.of(option(rebuilt, "-XX:ArchiveClassesAtExit=")), "archive of v2");
    rebuilt.settle(true);

    try (var files = Files.list(folder)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".jsa")).toList())
          .containsExactly("cassandra-" + ClassDataArchive.digest(jar.toString()) + ".jsa");
    }
  }

  @Test
  void each_engine_keeps_its_own_archive() throws Exception {
    String classpath = jar("a.jar", "x") + File.pathSeparator + jar("b.jar", "y");
    for (String engine : new String[] {"Kafka", "Cassandra"}) {
      ClassDataArchive archive = ClassDataArchive.in(folder, engine, classpath, false);
      Files.writeString(Path.of(option(archive, "-XX:ArchiveClassesAtExit=")), engine);
      archive.settle(true);
    }

    assertThat(Path.of(option(ClassDataArchive.in(folder, "Kafka", classpath, false), "-XX:SharedArchiveFile=")))
        .hasContent("Kafka");
    assertThat(Path.of(option(ClassDataArchive.in(folder, "Cassandra", classpath, false), "-XX:SharedArchiveFile=")))
        .hasContent("Cassandra");
  }

  @Test
  void without_a_usable_folder_the_engine_starts_without_an_archive() throws Exception {
    Path notAFolder = Files.writeString(folder.resolve("file"), "");

    assertThat(ClassDataArchive.in(notAFolder, "Kafka", "x.jar", false).jvmOptions()).isEmpty();
  }

  @Test
  void a_classpath_with_a_folder_of_classes_gets_no_archive() throws Exception {
    Path classes = Files.createDirectories(folder.resolve("classes"));

    assertThat(ClassDataArchive.in(folder, "Kafka", jar("a.jar", "x") + File.pathSeparator + classes, false).jvmOptions())
        .isEmpty();
  }

  private Path jar(String name, String content) throws Exception {
    return Files.writeString(folder.resolve(name), content);
  }

  private static String option(ClassDataArchive archive, String prefix) {
    return archive.jvmOptions().stream().filter(o -> o.startsWith(prefix)).findFirst()
        .map(o -> o.substring(prefix.length()))
        .orElseThrow(() -> new AssertionError("no " + prefix + " in " + archive.jvmOptions()));
  }
}
