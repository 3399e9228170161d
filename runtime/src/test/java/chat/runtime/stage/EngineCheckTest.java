package chat.runtime.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineCheckTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  private static int closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void an_unreachable_engine_fails_once_with_a_message_naming_it_and_its_address() throws Exception {
    int port = closedPort();

    ExecutionException failure = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () ->
        EngineCheck.await(vertx, "Kafka", "127.0.0.1:" + port, 1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));

    assertThat(failure.getCause())
        .isInstanceOf(EngineCheck.EngineUnreachableException.class)
        .hasMessageStartingWith("Kafka is not reachable at 127.0.0.1:" + port + " after 1 s");
    assertThat(failure.getCause().getStackTrace()).as("one line, not a stack trace").isEmpty();
  }

  @Test
  void a_reachable_engine_passes_whatever_the_address_form() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String uri = "redis://:secret@127.0.0.1:" + socket.getLocalPort() + "/0";

      EngineCheck.await(vertx, "Redis", uri, 5).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
