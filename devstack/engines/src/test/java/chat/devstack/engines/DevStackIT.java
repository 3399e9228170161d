package chat.devstack.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DevStackIT {

  @Test
  void all_four_engines_start_on_random_ports_and_answer() {
    Endpoints endpoints = TestEngines.all();

    assertThat(endpoints.kafkaBootstrap()).startsWith("127.0.0.1:");
    assertThat(endpoints.redisUri()).startsWith("redis://127.0.0.1:");
    assertThat(Ports.listening(endpoints.cassandraPort())).isTrue();
    assertThat(Ports.listening(endpoints.postgresPort())).isTrue();
    assertThat(endpoints.postgresPort()).isNotEqualTo(5432);
  }

  @Test
  void cassandra_runs_at_the_lowest_cpu_priority_once_it_is_up() throws Exception {
    TestEngines.all();
    ProcessHandle cassandra = ProcessHandle.current().children()
        .filter(child -> commandLine(child).contains("org.apache.cassandra.service.CassandraDaemon"))
        .findFirst().orElseThrow();

    long self = ProcessHandle.current().pid();
    int normal = BackgroundPriority.threadsOf(self).stream()
        .filter(thread -> thread.id() == self).findFirst().orElseThrow().nice();

    List<BackgroundPriority.Task> threads = BackgroundPriority.threadsOf(cassandra.pid());
    assertThat(threads)
        .as("every thread of Cassandra but its JIT compilers, those started since it was reniced included")
        .filteredOn(thread -> !BackgroundPriority.keepsPriority(thread.name()))
        .hasSizeGreaterThan(10)
        .allSatisfy(thread -> assertThat(thread.nice()).isEqualTo(BackgroundPriority.NICE));
    assertThat(threads).filteredOn(thread -> BackgroundPriority.keepsPriority(thread.name()))
        .isNotEmpty()
        .allSatisfy(thread -> assertThat(thread.nice()).isEqualTo(normal));
  }

  @Test
  void a_port_in_use_is_reported_naming_the_engine() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
         DevStack stack = DevStack.forTests(Path.of("target", "devstack-port-clash"))) {
      assertThatThrownBy(() -> RedisEngine.start(Path.of("target", "devstack-port-clash", "redis"), taken.getLocalPort()))
          .isInstanceOf(EngineStartException.class)
          .hasMessageContaining("Redis")
          .hasMessageContaining("already in use");
      assertThat(stack.running()).isEqualTo(EnumSet.noneOf(Engine.class));
    }
  }

  @Test
  void a_stopped_devstack_leaves_no_engine_process_behind() {
    DevStack stack = DevStack.forTests(Path.of("target", "devstack-stop-test")).start(EnumSet.of(Engine.REDIS));
    int port = Integer.parseInt(stack.endpoints().redisUri().replaceAll(".*:", ""));
    assertThat(Ports.listening(port)).isTrue();

    stack.close();

    assertThat(Ports.listening(port)).isFalse();
  }

  @Test
  void engines_launched_together_are_each_usable_as_soon_as_they_are_up() throws Exception {
    DevStack stack = DevStack.forTests(Path.of("target", "devstack-launch-test"));
    try {
      var launched = stack.launch(EnumSet.of(Engine.REDIS, Engine.POSTGRES));

      Endpoints redisUp = stack.whenUp(EnumSet.of(Engine.REDIS)).get(60, TimeUnit.SECONDS);
      assertThat(redisUp.redisUri()).startsWith("redis://127.0.0.1:");
      Endpoints both = stack.whenUp(EnumSet.of(Engine.REDIS, Engine.POSTGRES)).get(60, TimeUnit.SECONDS);
      assertThat(Ports.listening(both.postgresPort())).isTrue();
      assertThat(launched.keySet()).containsExactlyInAnyOrder(Engine.REDIS, Engine.POSTGRES);
      assertThat(stack.launch(EnumSet.of(Engine.REDIS))).as("an engine already launched is not launched again").isEmpty();
      assertThatThrownBy(() -> stack.whenUp(EnumSet.of(Engine.KAFKA)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("KAFKA");
    } finally {
      stack.close();
    }
    assertThat(stack.running()).isEmpty();
  }

  private static String commandLine(ProcessHandle process) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
    } catch (IOException ended) {
      return "";
    }
  }
}
