package chat.bench.client;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;

/**
 * Keeps a load-generator socket alive as a real client would: a {@code ping} every few seconds,
 * well inside the gateways' idle timeout (30 s by default), until the socket closes.
 */
public final class Heartbeat {

  /** Ping interval of the load generator's sockets, ms. */
  public static final long EVERY_MS = 5_000;

  private Heartbeat() {}

  public static WebSocket keepAlive(Vertx vertx, WebSocket socket) {
    long timer = vertx.setPeriodic(EVERY_MS, id -> {
      if (!socket.isClosed()) {
        socket.writeTextMessage("{\"type\":\"ping\"}");
      }
    });
    socket.closeHandler(v -> vertx.cancelTimer(timer));
    return socket;
  }
}
