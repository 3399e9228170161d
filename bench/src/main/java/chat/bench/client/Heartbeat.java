package chat.bench.client;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Keeps a load-generator socket alive as a real client would: a {@code ping} every few seconds,
 * well inside the gateways' idle timeout (30 s by default), until the socket closes.
 */
public final class Heartbeat {

  /** Ping interval of the load generator's sockets, ms. */
  public static final long EVERY_MS = 5_000;

  private static final String PING = "{\"type\":\"ping\"}";

  private Heartbeat() {}

  public static WebSocket keepAlive(Vertx vertx, WebSocket socket) {
    return keepAlive(vertx, socket, EVERY_MS);
  }

  /**
   * Pings every {@code everyMs}, the first after a random part of it, so that sockets opened
   * together do not ping together for ever after.
   */
  public static WebSocket keepAlive(Vertx vertx, WebSocket socket, long everyMs) {
    long[] timer = {0};
    timer[0] = vertx.setTimer(1 + ThreadLocalRandom.current().nextLong(everyMs), first -> {
      ping(socket);
      timer[0] = vertx.setPeriodic(everyMs, id -> ping(socket));
    });
    socket.closeHandler(v -> vertx.cancelTimer(timer[0]));
    return socket;
  }

  private static void ping(WebSocket socket) {
    if (!socket.isClosed()) {
      socket.writeTextMessage(PING);
    }
  }
}
