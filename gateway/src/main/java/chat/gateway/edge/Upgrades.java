package chat.gateway.edge;

import io.vertx.core.Future;

/** The gateway's side of the handshake: who may open a socket, and what handles it once open. */
public interface Upgrades {

  /** Who a client is; the device it connects as. */
  record Admission(long userId, String deviceId) {}

  /**
   * Checks an upgrade request. A failed future refuses it: a {@link chat.runtime.http.Problem}
   * with its status and body, anything else as 401.
   */
  Future<Admission> admit(UpgradeRequest request);

  /** The handshake completed: returns what handles this socket's events. */
  SocketListener opened(Admission admission, ClientSocket socket);

  /** A connection was closed before it sent a whole upgrade request within the deadline. */
  default void timedOut() {}
}
