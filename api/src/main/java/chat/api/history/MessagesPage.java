package chat.api.history;

import chat.schemas.Json;
import chat.stores.history.StoredMessage;
import io.vertx.core.buffer.Buffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The body of a history answer, {@code {"messages": [...]}}, as records of the contract's shape: Jackson
 * writes them straight to bytes (a page of 50 built as JSON objects first allocated several
 * times what the page itself weighs, at hundreds of reads a second).
 */
record MessagesPage(List<Item> messages) {

  /** One message as the api shows it (no device id). */
  record Item(long channel, long seq, long sender, UUID clientMsgId, String body, long sentAt) {}

  /** The page of {@code messages}, in the order given. */
  static MessagesPage of(List<StoredMessage> messages) {
    List<Item> items = new ArrayList<>(messages.size());
    for (StoredMessage m : messages) {
      items.add(new Item(m.channelId(), m.seq(), m.senderId(), m.clientMsgId(), m.body(), m.sentAt()));
    }
    return new MessagesPage(items);
  }

  Buffer toJson() {
    return Buffer.buffer(Json.encodeToBytes(this));
  }
}
