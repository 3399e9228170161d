package chat.pusher.delivery;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL side of the pusher: a user's devices that have a push subscription, the
 * sender's display name, and the removal of a subscription the provider says is dead (only if
 * it is still the same one: the device may have registered a new one meanwhile).
 */
public final class PushTargets {

  private final Pool postgres;

  public PushTargets(Pool postgres) {
    this.postgres = postgres;
  }

  /** A device to notify, with its stored subscription. */
  public record Target(String deviceId, String kind, JsonObject subscription) {}

  /** The user's subscribed devices, and the display name (or username) of the sender. */
  public record Recipients(List<Target> devices, String senderName) {}

  public Future<Recipients> of(long userId, long senderId) {
    Future<List<Target>> devices = postgres
        .preparedQuery("SELECT id, push_kind, push FROM devices WHERE user_id = $1 AND push_kind IS NOT NULL")
        .execute(Tuple.of(userId))
        .map(rows -> {
          List<Target> targets = new ArrayList<>();
          for (Row row : rows) {
            targets.add(new Target(Long.toString(row.getLong("id")), row.getString("push_kind"), (JsonObject) row.getJson("push")));
          }
          return targets;
        });
    Future<String> senderName = postgres.preparedQuery("SELECT coalesce(display_name, username) FROM users WHERE id = $1")
        .execute(Tuple.of(senderId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    return Future.all(devices, senderName).map(all -> new Recipients(devices.result(), senderName.result()));
  }

  /** @return true when the subscription was still the stored one and is now removed */
  public Future<Boolean> removeSubscription(String deviceId, JsonObject subscription) {
    return postgres.preparedQuery("UPDATE devices SET push_kind = NULL, push = NULL, updated_at = now()"
            + " WHERE id = $1 AND push = $2::jsonb")
        .execute(Tuple.of(Long.parseLong(deviceId), subscription))
        .map(rows -> rows.rowCount() == 1);
  }
}
