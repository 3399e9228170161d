package chat.api.presence;

import chat.api.http.Operations;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.runtime.kafka.RecordProducer;
import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.PresenceEvent;
import chat.stores.presence.PresenceDirectory;
import chat.stores.presence.PresenceStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Presence over HTTP: the presence of a list of users (what a group shows when opened) and my
 * invisible mode. Turning the mode on or off is stored in PostgreSQL, then told to the presence
 * stage on chat.presence, which tells friends what they should now see.
 */
public final class PresenceRoutes {

  private final Pool postgres;
  private final PresenceStore store;
  private final PresenceDirectory directory;
  private final RecordProducer producer;

  public PresenceRoutes(Pool postgres, PresenceStore store, RecordProducer producer) {
    this.postgres = postgres;
    this.store = store;
    this.directory = new PresenceDirectory(postgres, store);
    this.producer = producer;
  }

  public void register(Operations operations) {
    operations.authenticated("queryPresence", this::query);
    operations.authenticated("getMyPresence", ctx -> mine(ctx, BearerAuth.userId(ctx)));
    operations.authenticated("setMyPresence", this::setMode);
  }

  /** {@code GET /v1/presence?users=1,2,3}. */
  private void query(RoutingContext ctx) {
    List<Long> users = new ArrayList<>();
    for (String id : String.join(",", ctx.queryParam("users")).split(",")) {
      users.add(Long.parseLong(id.trim()));
    }
    directory.query(BearerAuth.userId(ctx), users)
        .map(list -> {
          JsonObject body = new JsonObject(Json.encode(list));
          body.remove("type"); // the WebSocket frame's tag; HTTP has no frames
          return body;
        })
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  private void setMode(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    boolean invisible = ctx.body().asJsonObject().getBoolean("invisible");
    PresenceEvent changed = PresenceEvent.modeChanged(me, invisible, System.currentTimeMillis());
    postgres.preparedQuery("UPDATE users SET presence_invisible = $2 WHERE id = $1").execute(Tuple.of(me, invisible))
        .compose(rows -> producer.send(Topics.PRESENCE, Long.toString(me), Json.encode(changed)))
        .onSuccess(sent -> mine(ctx, me))
        .onFailure(ctx::fail);
  }

  private void mine(RoutingContext ctx, long me) {
    Future<Boolean> invisible = postgres.preparedQuery("SELECT presence_invisible FROM users WHERE id = $1")
        .execute(Tuple.of(me))
        .compose(rows -> rows.size() == 0 ? Problem.notFound("no user " + me).<Boolean>asFuture()
            : Future.succeededFuture(rows.iterator().next().getBoolean(0)));
    invisible.compose(mode -> store.states(List.of(me)).map(states -> {
          PresenceStore.State state = states.get(me);
          JsonObject body = new JsonObject().put("status", state.status()).put("invisible", mode);
          return state.lastActiveAt() > 0 ? body.put("last_active_at", state.lastActiveAt()) : body;
        }))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }
}
