package chat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ColdStartTest {

  @Test
  void jvms_under_test_that_started_just_before_the_window_are_named_in_a_warning() {
    String warning = ColdStart.markdown(Map.of("all-in-one", 41L, "kafka", 40L));

    assertThat(warning).startsWith("**warning: started just before the measured window** (all-in-one 41 s, kafka 40 s)")
        .contains("run ~2 minutes of load first");
    assertThat(ColdStart.markdown(Map.of())).isEmpty();
  }

  @Test
  void a_stage_started_a_moment_ago_is_found_warming_and_the_test_s_own_jvm_is_not() throws Exception {
    // a process whose command line names the gateway's main class after a long class path, as a stage's does
    Process stage = new ProcessBuilder("bash", "-c", "sleep 60; : " + "/m2/some.jar:".repeat(500) + " chat.gateway.Main").start();
    try {
      Map<String, Long> warming = ColdStart.warming(Instant.now());

      assertThat(warming).containsKey("gateway").doesNotContainKeys("load generator", "other");
      assertThat(warming.get("gateway")).isLessThan(ColdStart.WARM.toSeconds());
    } finally {
      stage.destroyForcibly();
    }
  }
}
