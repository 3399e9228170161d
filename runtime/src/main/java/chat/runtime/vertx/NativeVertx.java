package chat.runtime.vertx;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's Vert.x, on Netty's native epoll transport where it loads (Linux x86-64: the
 * {@code netty-transport-native-epoll} jar runtime brings), else on Java NIO. Epoll costs less
 * CPU per socket read and write than NIO: the load generator's CPU per message fell by a quarter
 * with it (bench/README.md, "epoll, one round trip per send check").
 */
public final class NativeVertx {

  private static final Logger log = LoggerFactory.getLogger(NativeVertx.class);

  private NativeVertx() {}

  public static Vertx create() {
    return create(new VertxOptions());
  }

  public static Vertx create(VertxOptions options) {
    Vertx vertx = Vertx.vertx(new VertxOptions(options).setPreferNativeTransport(true));
    if (!vertx.isNativeTransportEnabled()) {
      log.info("native transport unavailable, running on Java NIO: {}", String.valueOf(vertx.unavailableNativeTransportCause()));
    }
    return vertx;
  }
}
