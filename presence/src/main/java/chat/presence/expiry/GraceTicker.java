package chat.presence.expiry;

import chat.presence.notices.FriendNotices;
import chat.stores.presence.PresenceStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Ends due grace periods (the user turns offline and friends are told) and tells friends the
 * changes that coalescing held back. Safe to run in every presence instance at once: each
 * transition and each notice is claimed atomically in Redis by one caller.
 */
public final class GraceTicker {

  private static final int BATCH = 500;

  private final PresenceStore store;
  private final FriendNotices notices;
  private final LongSupplier clock;
  private boolean busy;

  public GraceTicker(PresenceStore store, FriendNotices notices, LongSupplier clock) {
    this.store = store;
    this.notices = notices;
    this.clock = clock;
  }

  /** One pass; a pass still running when the next is due is not overlapped. */
  public Future<Void> tick() {
    if (busy) {
      return Future.succeededFuture();
    }
    busy = true;
    long now = clock.getAsLong();
    return store.dueOffline(now, BATCH)
        .compose(users -> all(users.stream().map(user -> store.settle(user, now)
            .compose(wentOffline -> wentOffline ? notices.tell(user) : Future.<Void>succeededFuture())).toList()))
        .compose(v -> store.dueNotices(now, BATCH))
        .compose(users -> all(users.stream().map(notices::tell).toList()))
        .eventually(() -> {
          busy = false;
          return Future.succeededFuture();
        });
  }

  private static Future<Void> all(List<Future<Void>> steps) {
    return Future.all(steps).mapEmpty();
  }
}
