package chat.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CapacityPlanTest {

  private final CapacityPlan plan = new CapacityPlan(3, 10, List.of("ws://a", "ws://b"));

  @Test
  void the_holders_shares_add_up_to_the_total_and_cover_every_connection_once() {
    int total = 100;
    Set<Integer> seen = new HashSet<>();
    int shares = 0;
    for (int h = 0; h < plan.holders(); h++) {
      shares += plan.share(total, h);
      for (int k = 0; k < plan.share(total, h); k++) {
        assertThat(seen.add(plan.connection(h, k))).isTrue();
      }
    }
    assertThat(shares).isEqualTo(total);
    assertThat(seen).allMatch(c -> c >= 0 && c < total);
  }

  @Test
  void every_holder_spreads_its_connections_over_every_gateway() {
    for (int h = 0; h < plan.holders(); h++) {
      Map<Integer, Integer> perGateway = new TreeMap<>();
      for (int k = 0; k < 10; k++) {
        perGateway.merge(plan.gatewayOf(plan.connection(h, k)), 1, Integer::sum);
      }
      assertThat(perGateway).containsOnlyKeys(0, 1).containsValues(5, 5);
    }
  }

  @Test
  void connections_are_spread_over_the_users() {
    assertThat(plan.userOf(0)).isZero();
    assertThat(plan.userOf(13)).isEqualTo(3);
  }

  @Test
  void a_plan_survives_the_command_line() {
    assertThat(CapacityPlan.parse(plan.format())).isEqualTo(plan);
  }

  @Test
  void a_plan_without_gateways_is_refused() {
    assertThatThrownBy(() -> new CapacityPlan(1, 1, List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_status_line_is_read_back_and_other_lines_are_not_statuses() {
    HolderStatus status = new HolderStatus(10, 2, 1, 3);
    assertThat(HolderStatus.parse(status.line())).contains(status);
    assertThat(status.settled()).isEqualTo(12);
    assertThat(HolderStatus.parse("12:00:01 INFO status of something")).isEmpty();
    assertThat(HolderStatus.parse("status 1 x 2 3")).isEmpty();
    assertThat(HolderStatus.parse("status 1 2 3")).as("a status of an older client process").isEmpty();
  }

  @Test
  void heap_use_and_resident_size_are_read_from_jcmd_and_proc() {
    String heapInfo = "4242:\n garbage-first heap   total 262144K, used 21503K [0x00000000f0000000, 0x0000000100000000)\n"
        + "  region size 1024K, 3 young (3072K), 0 survivors (0K)\n Metaspace       used 45123K, committed 45568K\n";
    assertThat(ProcessMemory.heapUsed(heapInfo)).isEqualTo(21503L * 1024);
    assertThat(ProcessMemory.rssFromStatus("Name:\tjava\nVmRSS:\t  123456 kB\nVmData: 1 kB\n")).isEqualTo(123456L * 1024);
    assertThatThrownBy(() -> ProcessMemory.heapUsed("no such process")).isInstanceOf(IllegalArgumentException.class);
  }
}
