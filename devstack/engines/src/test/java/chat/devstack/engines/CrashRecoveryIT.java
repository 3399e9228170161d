package chat.devstack.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CrashRecoveryIT {

  @Test
  void engines_left_by_a_killed_owner_are_stopped_by_the_next_start_which_gets_the_same_port() throws Exception {
    Path dir = Path.of("target", "devstack-crash-" + ProcessHandle.current().pid());
    int port = Ports.free();
    Process owner = new ProcessBuilder(List.of(ChildProcess.javaBinary(), "-cp", System.getProperty("java.class.path"),
        CrashingOwner.class.getName(), dir.toString(), Integer.toString(port)))
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.contains("READY")) {
        // skip the owner's log lines
      }
      assertThat(line).as("the owner started Redis").isNotNull();
    }
    ProcessHandle orphan = owner.toHandle().descendants().filter(p -> p.info().command().orElse("").contains("redis-server"))
        .findFirst().orElseThrow();

    owner.destroyForcibly(); // kill -9: no cleanup runs
    owner.waitFor(10, TimeUnit.SECONDS);
    assertThat(orphan.isAlive()).as("redis-server outlives its killed owner").isTrue();

    try (DevStack next = DevStack.local(dir, Map.of("redis", port)).start(EnumSet.of(Engine.REDIS))) {
      assertThat(orphan.isAlive()).as("the orphan was stopped").isFalse();
      assertThat(next.endpoints().redisUri()).isEqualTo("redis://127.0.0.1:" + port);
      assertThat(Ports.listening(port)).isTrue();
    }
    assertThat(Ports.listening(port)).isFalse();
  }
}
