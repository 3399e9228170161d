package chat.gateway.edge;

/** What the gateway does with one open socket's events; called on the gateway's event loop. */
public interface SocketListener {

  /** A whole text message arrived (fragments already joined, UTF-8 checked). */
  void onText(String text);

  /** A whole binary message arrived. */
  void onBinary();

  /** The connection is closed, by either side or by the network; called once. */
  void onClosed();
}
