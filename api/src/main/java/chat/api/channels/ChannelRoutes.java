package chat.api.channels;

import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.membership.Memberships;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import chat.api.friends.Blocks;
import chat.api.http.Operations;
import chat.api.http.Params;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import chat.stores.history.HistoryReader;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;

/** Channels: the direct channel of a pair, my channels (with head and unread), one channel's details. */
public final class ChannelRoutes {

  private static final String CHANNEL_COLUMNS = "c.id, c.kind, c.name, c.owner_id, c.member_count,"
      + " CASE WHEN c.kind = 'direct' THEN CASE WHEN c.direct_low = $1 THEN c.direct_high ELSE c.direct_low END END AS peer";

  private final Pool postgres;
  private final Memberships memberships;
  private final HistoryReader history;

  public ChannelRoutes(Pool postgres, Memberships memberships, HistoryReader history) {
    this.postgres = postgres;
    this.memberships = memberships;
    this.history = history;
  }

  public void register(Operations operations) {
    operations.authenticated("getOrCreateDirectChannel", this::getOrCreateDirect);
    operations.authenticated("listMyChannels", this::listMine);
    operations.authenticated("getChannel", this::getOne);
  }

  /**
   * {@code GET /v1/channels?after=<channel id>&limit=<n>}: my channels by id, each with its head
   * seq and my unread count (head − my read position), and {@code next_after} for the next page.
   */
  private void listMine(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long after = Params.longOr(ctx, "after", 0);
    int limit = Params.intOr(ctx, "limit", 50);
    postgres.preparedQuery("SELECT " + CHANNEL_COLUMNS + " FROM channel_members m JOIN channels c ON c.id = m.channel_id"
            + " WHERE m.user_id = $1 AND c.id > $2 ORDER BY c.id LIMIT $3")
        .execute(Tuple.of(me, after, limit))
        .compose(rows -> {
          List<JsonObject> channels = new ArrayList<>();
          rows.forEach(row -> channels.add(toJson(row)));
          List<Long> ids = channels.stream().map(c -> c.getLong("channel_id")).toList();
          return Future.all(history.heads(ids), history.readPositions(me, ids)).map(both -> {
            Map<Long, Long> heads = both.resultAt(0);
            Map<Long, Long> reads = both.resultAt(1);
            channels.forEach(c -> {
              long head = heads.getOrDefault(c.getLong("channel_id"), 0L);
              c.put("head_seq", head).put("unread", Math.max(0, head - reads.getOrDefault(c.getLong("channel_id"), 0L)));
            });
            return new JsonObject().put("channels", new JsonArray(channels))
                .put("next_after", channels.size() < limit ? null : ids.get(ids.size() - 1));
          });
        })
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  /** {@code GET /v1/channels/{id}}: the channel and its members with their roles; members only. */
  private void getOne(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long channelId = Long.parseLong(ctx.pathParam("channelId"));
    postgres.preparedQuery("SELECT " + CHANNEL_COLUMNS + " FROM channels c WHERE c.id = $2").execute(Tuple.of(me, channelId))
        .compose(rows -> rows.size() == 0 ? Problem.notFound("no channel " + channelId).<JsonObject>asFuture()
            : postgres.preparedQuery("SELECT user_id, role FROM channel_members WHERE channel_id = $1 ORDER BY joined_at, user_id")
                .execute(Tuple.of(channelId))
                .compose(members -> {
                  JsonArray list = new JsonArray();
                  boolean mine = false;
                  for (Row member : members) {
                    list.add(new JsonObject().put("user_id", member.getLong("user_id")).put("role", member.getString("role")));
                    mine |= member.getLong("user_id") == me;
                  }
                  return mine ? Future.succeededFuture(toJson(rows.iterator().next()).put("members", list))
                      : Problem.forbidden("not a member of channel " + channelId).<JsonObject>asFuture();
                }))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject().put("channel_id", row.getLong("id")).put("kind", row.getString("kind"))
        .put("name", row.getString("name")).put("owner_id", row.getLong("owner_id"))
        .put("member_count", row.getInteger("member_count")).put("peer", row.getLong("peer"));
  }

  /** {@code POST /v1/channels/direct {"peer": <user id>}} → {@code {"channel_id": …}}; 200 either way. */
  private void getOrCreateDirect(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    long peer = requiredId(ctx.body().asJsonObject(), "peer");
    DirectPair pair = DirectPair.of(me, peer);
    postgres.withTransaction(tx -> tx.preparedQuery("SELECT 1 FROM users WHERE id = $1").execute(Tuple.of(peer))
            .compose(rows -> rows.size() == 0 ? Problem.notFound("peer: no user " + peer).<Long>asFuture()
                : Blocks.requireNone(tx, me, peer).compose(notBlocked -> tx.preparedQuery("INSERT INTO channels (kind, direct_low, direct_high) VALUES ('direct', $1, $2)"
                        + " ON CONFLICT (direct_low, direct_high) WHERE kind = 'direct' DO NOTHING RETURNING id")
                    .execute(Tuple.of(pair.low(), pair.high()))
                    .compose(inserted -> inserted.size() == 1
                        ? Future.succeededFuture(inserted.iterator().next().getLong(0))
                        : tx.preparedQuery("SELECT id FROM channels WHERE kind = 'direct' AND direct_low = $1 AND direct_high = $2")
                            .execute(Tuple.of(pair.low(), pair.high())).map(r -> r.iterator().next().getLong(0)))))
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
