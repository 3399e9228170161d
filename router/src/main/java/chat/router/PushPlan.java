package chat.router;

import chat.schemas.events.MessageSequenced;
import chat.schemas.events.PushRequested;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who gets a push for a message: every member but the sender who has no connected device, with
 * the unread count after the message (seq − read position). Pure.
 */
public final class PushPlan {

  private PushPlan() {}

  /** Members of the message's channel with no device connected anywhere, sender excluded. */
  public static List<Long> offlineMembers(MessageSequenced message, Set<Long> members, Map<Long, Set<String>> gatewaysByUser) {
    List<Long> offline = new ArrayList<>();
    for (Long member : members) {
      if (member != message.senderId() && !gatewaysByUser.containsKey(member)) {
        offline.add(member);
      }
    }
    return offline;
  }

  public static List<PushRequested> requests(MessageSequenced message, List<Long> offline, Map<Long, Long> readPositions) {
    return offline.stream()
        .map(user -> new PushRequested(user, message.channelId(), message.seq(), message.senderId(),
            Math.max(0, message.seq() - readPositions.getOrDefault(user, 0L)), message.sentAt(), message.body()))
        .toList();
  }
}
