package chat.devstack.engines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void free_ports_lie_below_the_ephemeral_range_where_outgoing_connections_cannot_take_them() {
    int ephemeralLow = Ports.ephemeralLow();
    assertThat(ephemeralLow).isGreaterThan(Ports.LOWEST); // 32768 on Linux by default

    int port = Ports.free();

    assertThat(port).isBetween(Ports.LOWEST, ephemeralLow - 1);
  }

  @Test
  void a_port_handed_out_is_not_handed_out_again_before_it_is_bound() {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      ports.add(Ports.free());
    }

    assertThat(ports).hasSize(200);
  }

  @Test
  void a_free_port_can_be_bound() throws IOException {
    try (ServerSocket socket = new ServerSocket(Ports.free(), 1, InetAddress.getLoopbackAddress())) {
      assertThat(Ports.listening(socket.getLocalPort())).isTrue();
    }
  }
}
