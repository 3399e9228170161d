package chat.gateway.sessions;

import io.vertx.core.http.ServerWebSocket;

/**
 * One connected device. Writes are refused, and the socket closed with 1013 (try again later),
 * when the client does not read fast enough: it will resync from history when it reconnects.
 */
public final class Session {

  /** WebSocket close code: the server is overloaded / the client too slow; reconnect later. */
  public static final short TRY_AGAIN_LATER = 1013;

  private final long userId;
  private final String deviceId;
  private final ServerWebSocket socket;

  public Session(long userId, String deviceId, ServerWebSocket socket, int maxQueueBytes) {
    this.userId = userId;
    this.deviceId = deviceId;
    this.socket = socket;
    socket.setWriteQueueMaxSize(maxQueueBytes);
  }

  public long userId() {
    return userId;
  }

  public String deviceId() {
    return deviceId;
  }

  public void send(String frameJson) {
    if (socket.isClosed()) {
      return;
    }
    if (socket.writeQueueFull()) {
      socket.close(TRY_AGAIN_LATER, "too slow: reconnect and resync");
      return;
    }
    socket.writeTextMessage(frameJson);
  }
}
