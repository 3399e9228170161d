package chat.runtime.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

class NativeVertxTest {

  @Test
  void on_linux_x86_64_the_stages_run_on_epoll() throws Exception {
    Vertx vertx = NativeVertx.create();
    try {
      assertThat(vertx.isNativeTransportEnabled()).as("cause: %s", vertx.unavailableNativeTransportCause()).isTrue();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }

  @Test
  void the_options_given_are_kept() throws Exception {
    Vertx vertx = NativeVertx.create(new VertxOptions().setEventLoopPoolSize(3));
    try {
      assertThat(vertx.isNativeTransportEnabled()).isTrue();
      assertThat(((io.vertx.core.internal.VertxInternal) vertx).nettyEventLoopGroup().iterator())
          .toIterable().hasSize(3);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
