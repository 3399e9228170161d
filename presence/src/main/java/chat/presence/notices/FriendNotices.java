package chat.presence.notices;

import chat.schemas.Json;
import chat.schemas.frames.PresenceFrame;
import chat.stores.delivery.Fanout;
import chat.stores.presence.PresenceAudience;
import chat.stores.presence.PresenceStore;
import io.vertx.core.Future;
import java.util.function.LongSupplier;

/**
 * Tells a user's connected friends that the user's visible status changed: the user's audience
 * and invisible mode from PostgreSQL, the claim of the change from Redis (told once, at most once
 * per coalescing window), then one {@code presence} frame to the gateways of the friends who are
 * connected. Calling it when nothing changed tells nobody, so every path that may have changed a
 * user's presence simply calls it.
 */
public final class FriendNotices {

  private final PresenceStore store;
  private final PresenceAudience audience;
  private final Fanout fanout;
  private final long coalesceMillis;
  private final LongSupplier clock;

  public FriendNotices(PresenceStore store, PresenceAudience audience, Fanout fanout, long coalesceMillis, LongSupplier clock) {
    this.store = store;
    this.audience = audience;
    this.fanout = fanout;
    this.coalesceMillis = coalesceMillis;
    this.clock = clock;
  }

  public Future<Void> tell(long userId) {
    return audience.of(userId).compose(who -> store.claimNotice(userId, who.invisible(), clock.getAsLong(), coalesceMillis)
        .compose(notice -> {
          if (notice.isEmpty()) {
            return Future.succeededFuture();
          }
          return fanout.publishToUsers(Json.encode(frame(notice.get(), who.invisible())), who.friends())
              .mapEmpty();
        }));
  }

  /** The frame friends get; an invisible user's last activity is not shown. Pure. */
  public static PresenceFrame frame(PresenceStore.Notice notice, boolean invisible) {
    Long lastActive = invisible || notice.lastActiveAt() <= 0 ? null : notice.lastActiveAt();
    return new PresenceFrame(notice.userId(), notice.status(), lastActive, notice.version());
  }
}
