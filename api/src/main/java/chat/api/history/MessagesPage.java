package chat.api.history;

import chat.stores.history.MessageJson;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * The body of a history answer, {@code {"messages": [...]}}, each message the JSON of its
 * {@code message} frame, exactly as the WebSocket's {@code history_page} holds them. The messages
 * arrive encoded (the latest pages straight from the recent-messages cache), so the page is
 * spliced from their bytes: decoding and re-encoding 50 cached messages was most of a read's CPU.
 */
final class MessagesPage {

  private static final Buffer OPEN = Buffer.buffer("{\"messages\":[");
  private static final Buffer CLOSE = Buffer.buffer("]}");

  private MessagesPage() {}

  /** The page of {@code messages}, in the order given. */
  static Buffer of(List<MessageJson> messages) {
    int size = OPEN.length() + CLOSE.length();
    for (MessageJson message : messages) {
      size += message.json().length() + 1;
    }
    Buffer page = Buffer.buffer(size).appendBuffer(OPEN);
    for (int i = 0; i < messages.size(); i++) {
      if (i > 0) {
        page.appendByte((byte) ',');
      }
      page.appendBuffer(messages.get(i).json());
    }
    return page.appendBuffer(CLOSE);
  }
}
