package chat.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./run-local} runs, as it runs it: the all-in-one in its own JVM with the script's
 * JVM options, on the packaged runtime classpath (not the test classpath, which would hide a
 * dependency missing at runtime), with free ports. It must become ready, answer, and stop on
 * SIGTERM (Ctrl-C) leaving nothing.
 */
class AllInOneIT {

  private static final Pattern API = Pattern.compile("HTTP API\\s+(http://\\S+)");
  /** The options between {@code exec java} and {@code ${JAVA_OPTS}} in the script. */
  private static final Pattern RUN_LOCAL_JVM_OPTIONS = Pattern.compile("exec java (.*?) \\$\\{JAVA_OPTS");

  /** The JVM options {@code ./run-local} starts the all-in-one with (heap, collector). */
  static List<String> runLocalJvmOptions() throws java.io.IOException {
    Matcher options = RUN_LOCAL_JVM_OPTIONS.matcher(Files.readString(Path.of("..", "..", "run-local")));
    assertThat(options.find()).as("run-local's java command line").isTrue();
    return List.of(options.group(1).trim().split("\\s+"));
  }

  @Test
  void the_jvm_options_are_read_from_run_local() throws Exception {
    assertThat(runLocalJvmOptions()).contains("-Xmx1g", "-XX:+UseTransparentHugePages").allMatch(option -> option.startsWith("-"));
  }

  @Test
  void the_all_in_one_starts_on_its_runtime_classpath_answers_and_stops_on_sigterm() throws Exception {
    String runtimeClasspath = Files.readString(Path.of("target", "launcher.classpath")).trim();
    Path log = Path.of("target", "all-in-one-" + UUID.randomUUID() + ".log");
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(runLocalJvmOptions());
    command.addAll(List.of("-cp", "target/classes" + java.io.File.pathSeparator + runtimeClasspath, AllInOne.class.getName(),
        "--random-ports", "--data-dir", Path.of("target", "aio-" + UUID.randomUUID()).toString()));
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      await().atMost(Duration.ofSeconds(180)).until(() -> {
        assertThat(process.isAlive()).as("the all-in-one exited, see " + log).isTrue();
        String printed = Files.readString(log);
        // the banner may reach the file in pieces: wait for the line with the api's address too
        return printed.contains("chat is ready") && API.matcher(printed).find();
      });
      Matcher api = API.matcher(Files.readString(log));
      assertThat(api.find()).isTrue();
      HttpResponse<String> ready = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create(api.group(1) + "/readyz")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);

      List<ProcessHandle> engines = process.descendants().toList();
      assertThat(engines).as("engine processes (Kafka, Cassandra, Redis, PostgreSQL)").isNotEmpty();
      process.destroy(); // SIGTERM, as Ctrl-C
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute, see " + log).isTrue();
      await().atMost(Duration.ofSeconds(30)).until(() -> engines.stream().noneMatch(ProcessHandle::isAlive));
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly); // only if a check above failed
      process.destroyForcibly();
    }
  }
}
