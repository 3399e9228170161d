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
}
