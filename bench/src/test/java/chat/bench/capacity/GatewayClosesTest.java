package chat.bench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayClosesTest {

  @Test
  void closes_are_summed_by_cause_over_gateways_and_other_lines_ignored() {
    String first = """
        # HELP chat_gateway_connections_closed_total
        # TYPE chat_gateway_connections_closed_total counter
        chat_gateway_connections_closed_total{cause="client"} 88.0
        chat_gateway_connections_closed_total{cause="idle"} 2.0
        chat_gateway_connections_opened_total 17000.0
        """;
    String second = "chat_gateway_connections_closed_total{cause=\"client\",} 12.0\n";

    Map<String, Long> closes = GatewayCloses.add(GatewayCloses.add(GatewayCloses.none(), first), second);

    assertThat(closes).containsExactlyInAnyOrderEntriesOf(Map.of("client", 100L, "idle", 2L));
  }

  @Test
  void connections_closed_before_their_upgrade_are_counted_as_handshakes_timed_out_when_there_are_any() {
    String first = "chat_gateway_handshakes_timed_out_total 3.0\nchat_gateway_connections_closed_total{cause=\"idle\"} 1.0\n";
    String second = "chat_gateway_handshakes_timed_out_total 0.0\n";

    assertThat(GatewayCloses.add(GatewayCloses.add(GatewayCloses.none(), first), second))
        .containsExactlyInAnyOrderEntriesOf(Map.of(GatewayCloses.HANDSHAKE_TIMED_OUT, 3L, "idle", 1L));
    assertThat(GatewayCloses.add(GatewayCloses.none(), second)).isEmpty();
  }
}
