package chat.stores.history;

import chat.schemas.events.MessageSequenced;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a batch of messages is cut into Cassandra writes: the messages of one channel go together
 * (one request instead of two per message: the rows and the head in one unlogged batch), at most
 * {@code maxMessages} and about {@code maxBodyChars} of bodies per write, under Cassandra's batch
 * size warning (5 KiB by default). A single message larger than that is a write of its own.
 */
public final class WriteChunks {

  private WriteChunks() {}

  public static List<List<MessageSequenced>> of(List<MessageSequenced> messages, int maxMessages, int maxBodyChars) {
    Map<Long, List<List<MessageSequenced>>> byChannel = new LinkedHashMap<>();
    for (MessageSequenced message : messages) {
      List<List<MessageSequenced>> chunks = byChannel.computeIfAbsent(message.channelId(), c -> new ArrayList<>());
      List<MessageSequenced> last = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
      if (last == null || last.size() >= maxMessages || bodyChars(last) + message.body().length() > maxBodyChars) {
        last = new ArrayList<>();
        chunks.add(last);
      }
      last.add(message);
    }
    List<List<MessageSequenced>> all = new ArrayList<>();
    byChannel.values().forEach(all::addAll);
    return all;
  }

  private static int bodyChars(List<MessageSequenced> chunk) {
    int chars = 0;
    for (MessageSequenced message : chunk) {
      chars += message.body().length();
    }
    return chars;
  }
}
