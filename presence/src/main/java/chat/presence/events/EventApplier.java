package chat.presence.events;

import chat.presence.notices.FriendNotices;
import chat.schemas.events.PresenceEvent;
import chat.stores.presence.PresenceStore;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Applies a batch of chat.presence events: one user's events in their log order, different users
 * side by side. A connection opening may bring the user online (friends are told at once); the
 * last one closing starts the grace period (the ticker ends it); a mode change is told at once.
 * Every step is idempotent, so a batch replayed after a crash changes nothing twice.
 */
public final class EventApplier {

  private final PresenceStore store;
  private final FriendNotices notices;
  private final long graceMillis;
  private final LongSupplier clock;

  public EventApplier(PresenceStore store, FriendNotices notices, long graceMillis, LongSupplier clock) {
    this.store = store;
    this.notices = notices;
    this.graceMillis = graceMillis;
    this.clock = clock;
  }

  public Future<Void> apply(List<PresenceEvent> events) {
    List<Future<Void>> users = new ArrayList<>();
    byUser(events).forEach((user, ofUser) -> {
      Future<Void> chain = Future.succeededFuture();
      for (PresenceEvent event : ofUser) {
        chain = chain.compose(v -> applyOne(event));
      }
      users.add(chain);
    });
    return Future.all(users).mapEmpty();
  }

  /** The events grouped by user, each user's in their original order. Pure. */
  public static Map<Long, List<PresenceEvent>> byUser(List<PresenceEvent> events) {
    Map<Long, List<PresenceEvent>> byUser = new LinkedHashMap<>();
    events.forEach(e -> byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e));
    return byUser;
  }

  private Future<Void> applyOne(PresenceEvent event) {
    return switch (event.kind()) {
      case PresenceEvent.CONNECTED -> store.connected(event.userId(), event.connectionId(), event.gatewayId(),
              event.deviceId(), event.at())
          .compose(cameOnline -> cameOnline ? notices.tell(event.userId()) : Future.succeededFuture());
      case PresenceEvent.DISCONNECTED -> store.disconnected(event.userId(), event.connectionId(), event.gatewayId(),
          event.deviceId(), event.at(), clock.getAsLong() + graceMillis).mapEmpty();
      case PresenceEvent.MODE_CHANGED -> notices.tell(event.userId());
      default -> Future.succeededFuture(); // a kind from a newer producer: nothing to do here
    };
  }
}
