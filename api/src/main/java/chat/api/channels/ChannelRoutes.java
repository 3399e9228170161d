package chat.api.channels;

import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.membership.Memberships;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import chat.api.http.Operations;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/** Channels: for now, get-or-create of the single direct channel of a pair. */
public final class ChannelRoutes {

  private final Pool postgres;
  private final Memberships memberships;

  public ChannelRoutes(Pool postgres, Memberships memberships) {
    this.postgres = postgres;
    this.memberships = memberships;
  }

  public void register(Operations operations) {
    operations.authenticated("getOrCreateDirectChannel", this::getOrCreateDirect);
  }

  /** {@code POST /v1/channels/direct {"peer": <user id>}} → {@code {"channel_id": …}}; 200 either way. */
  private void getOrCreateDirect(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long peer = requiredId(ctx.body().asJsonObject(), "peer");
    DirectPair pair = DirectPair.of(me, peer);
    postgres.withTransaction(tx -> tx.preparedQuery("SELECT 1 FROM users WHERE id = $1").execute(Tuple.of(peer))
            .compose(rows -> rows.size() == 0 ? Problem.notFound("peer: no user " + peer).<Long>asFuture()
                : tx.preparedQuery("INSERT INTO channels (kind, direct_low, direct_high) VALUES ('direct', $1, $2)"
                        + " ON CONFLICT (direct_low, direct_high) WHERE kind = 'direct' DO NOTHING RETURNING id")
                    .execute(Tuple.of(pair.low(), pair.high()))
                    .compose(inserted -> inserted.size() == 1
                        ? Future.succeededFuture(inserted.iterator().next().getLong(0))
                        : tx.preparedQuery("SELECT id FROM channels WHERE kind = 'direct' AND direct_low = $1 AND direct_high = $2")
                            .execute(Tuple.of(pair.low(), pair.high())).map(r -> r.iterator().next().getLong(0))))
            .compose(channelId -> tx.preparedQuery("INSERT INTO channel_members (channel_id, user_id) VALUES ($1, $2), ($1, $3)"
                    + " ON CONFLICT DO NOTHING")
                .execute(Tuple.of(channelId, pair.low(), pair.high())).map(channelId)))
        .compose(channelId -> memberships.added(channelId, List.of(pair.low(), pair.high())).map(channelId))
        .onSuccess(channelId -> ctx.json(new JsonObject().put("channel_id", channelId).put("kind", "direct")
            .put("members", List.of(pair.low(), pair.high()))))
        .onFailure(ctx::fail);
  }

  static long requiredId(JsonObject body, String field) {
    if (body == null) {
      throw Problem.badRequest("invalid_body", "body: a JSON object is required");
    }
    Object value = body.getValue(field);
    if (!(value instanceof Number number) || number.longValue() < 1 || number.doubleValue() != number.longValue()) {
      throw Problem.badRequest("invalid_field", field + ": a positive integer id is required");
    }
    return number.longValue();
  }
}
