package chat.gateway.edge;

import io.netty.buffer.ByteBuf;

/** One client's WebSocket, as the gateway's sessions see it. Used from the gateway's event loop. */
public interface ClientSocket {

  /** Whether the socket closed, or a close was sent. */
  boolean isClosed();

  /** Whether more bytes are queued for this client than the edge's outbound limit. */
  boolean writeQueueFull();

  /** Sends a text frame. */
  void writeText(String text);

  /**
   * Queues a text frame whose UTF-8 bytes are {@code utf8}, taking over one reference to it, to be
   * sent by the next {@link #flush()}. Lets one encoded delivery be written to many sockets
   * ({@link ByteBuf#retainedDuplicate()}), and several frames to one socket in one network write.
   */
  void queueText(ByteBuf utf8);

  /** Sends what was queued. */
  void flush();

  /** Sends a close frame with {@code code} and {@code reason}, then closes the connection. */
  void close(short code, String reason);
}
