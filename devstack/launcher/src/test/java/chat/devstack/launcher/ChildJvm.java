package chat.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.Endpoints;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@link StageProcess} in a child JVM, started and waited for, killable with SIGKILL. */
record ChildJvm(Process process, int port) {

  private static final Pattern READY = Pattern.compile("READY (\\d+)");

  static ChildJvm start(String what, Endpoints engines, String arg, Path log) throws Exception {
    Process process = new ProcessBuilder(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), StageProcess.class.getName(),
            what, JsonObject.mapFrom(engines).encode(), arg))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    await().atMost(Duration.ofSeconds(120)).until(() -> {
      assertThat(process.isAlive()).as(what + " process, see " + log).isTrue();
      return READY.matcher(Files.readString(log)).find();
    });
    Matcher ready = READY.matcher(Files.readString(log));
    assertThat(ready.find()).isTrue();
    return new ChildJvm(process, Integer.parseInt(ready.group(1)));
  }

  /** SIGKILL: no shutdown hook, no goodbye of any kind. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(process.isAlive()).isFalse();
  }
}
