package chat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BoxCpuTest {

  @Test
  void a_cpu_line_is_read_as_busy_system_idle_and_steal() {
    BoxCpu.Ticks ticks = BoxCpu.Ticks.parse("cpu  368947 10 47587 150480 516 3 8023 48202 0 0");

    assertThat(ticks.busy()).isEqualTo(368947 + 10 + 3 + 8023);
    assertThat(ticks.system()).isEqualTo(47587);
    assertThat(ticks.idle()).isEqualTo(150480 + 516);
    assertThat(ticks.steal()).isEqualTo(48202);
  }

  @Test
  void the_split_between_two_readings_is_each_kinds_share_of_the_time_that_passed() {
    BoxCpu.Ticks from = BoxCpu.Ticks.parse("cpu 1000 0 200 5000 0 0 0 100 0 0");
    BoxCpu.Ticks to = BoxCpu.Ticks.parse("cpu 1100 0 220 5060 0 0 0 120 0 0"); // 100 + 20 + 60 + 20 = 200 ticks

    BoxCpu.Split split = BoxCpu.Split.between(from, to);

    assertThat(split.busy()).isCloseTo(0.5, within(1e-9));
    assertThat(split.system()).isCloseTo(0.1, within(1e-9));
    assertThat(split.idle()).isCloseTo(0.3, within(1e-9));
    assertThat(split.steal()).isCloseTo(0.1, within(1e-9));
    assertThat(split.markdown()).contains("busy 50 %", "**steal 10 %**");
  }

  @Test
  void a_line_that_is_not_the_aggregate_cpu_line_is_refused() {
    assertThatThrownBy(() -> BoxCpu.Ticks.parse("cpu0 1 2 3 4 5 6 7 8")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BoxCpu.Ticks.parse("cpu 1 2 3")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void this_machine_can_be_read_and_a_report_carries_the_split_in_its_json() {
    BoxCpu.Ticks now = BoxCpu.read();
    assertThat(now).isNotNull(); // the build runs on Linux
    assertThat(now.busy() + now.system() + now.idle()).isPositive();
    assertThat(now.switches()).as("the machine's context switches since boot").isPositive();
    BoxCpu.Split split = BoxCpu.Split.between(BoxCpu.Ticks.parse("cpu 0 0 0 0 0 0 0 0 0 0"), now)
        .withHiccups(new Hiccups(100, 200, 15_000, 1, 0.001));
    Histogram micros = new Histogram(3);
    micros.recordValue(1_000);

    LatencyReport report = LatencyReport.of("1:1", 10, 1, 0, 0, micros).withMachine(split);

    assertThat(report.toJson().getJsonObject("machine").fieldNames())
        .containsExactlyInAnyOrder("busy", "system", "idle", "steal", "processes", "seconds", "switches_per_second", "hiccups",
            "warming_seconds");
    assertThat(report.toJson().getJsonObject("machine").getJsonObject("hiccups").getLong("max_micros")).isEqualTo(15_000);
    assertThat(split.markdown()).contains("max 15.0 ms; over 10 ms late 1 times");
  }

  @Test
  void the_cores_of_each_process_and_its_cpu_per_item_follow_the_machine_line() {
    BoxCpu.Ticks from = BoxCpu.Ticks.parse("cpu 1000 0 200 5000 0 0 0 100 0 0", 2);
    BoxCpu.Ticks to = BoxCpu.Ticks.parse("cpu 1300 0 250 5150 0 0 0 100 0 0", 2); // 500 ticks: 250 a core

    BoxCpu.Split split = BoxCpu.Split.between(from, to, java.util.Map.of("kafka", 0L, "all-in-one", 100L),
        java.util.Map.of("kafka", 100L, "all-in-one", 300L), 2.5);

    assertThat(split.processes()).containsOnlyKeys("kafka", "all-in-one");
    assertThat(split.processes().get("all-in-one")).isCloseTo(0.8, within(1e-9));
    assertThat(split.markdown()).contains("cores used while measured: all-in-one 0.80, kafka 0.40");
    // 0.8 core for 2.5 s over 1,000 messages: 2 ms each
    assertThat(split.markdownPer(1_000, "message")).isEqualTo("CPU per message: 3.00 ms in all (all-in-one 2.000, kafka 1.000)\n");
    assertThat(BoxCpu.Split.between(from, to).markdownPer(1_000, "message")).isEmpty();
  }

  @Test
  void the_machines_context_switches_are_given_a_second_and_per_item_when_both_readings_have_them() {
    BoxCpu.Ticks from = BoxCpu.Ticks.parse("cpu 1000 0 200 5000 0 0 0 100 0 0", 2).withSwitches(1_000_000);
    BoxCpu.Ticks to = BoxCpu.Ticks.parse("cpu 1300 0 250 5150 0 0 0 100 0 0", 2).withSwitches(1_040_000);

    BoxCpu.Split split = BoxCpu.Split.between(from, to, java.util.Map.of("kafka", 0L), java.util.Map.of("kafka", 100L), 2.5);

    assertThat(split.switchesPerSecond()).isCloseTo(16_000, within(1e-6));
    assertThat(split.markdown()).contains("(taken by the hypervisor); 16000 context switches/s");
    assertThat(split.markdownPer(1_000, "message")).endsWith("; 40.0 context switches per message\n");
    assertThat(BoxCpu.Split.between(from.withSwitches(0), to, java.util.Map.of(), java.util.Map.of(), 2.5).switchesPerSecond())
        .as("unknown at the start: not reported").isZero();
  }
}
