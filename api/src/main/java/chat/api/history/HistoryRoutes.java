package chat.api.history;

import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.history.HistoryReader;
import chat.stores.history.StoredMessage;
import chat.stores.membership.Memberships;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import chat.api.http.Operations;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/** {@code GET /v1/channels/{id}/messages?before=<seq>&limit=<n>}: history, newest first, members only. */
public final class HistoryRoutes {

  private static final int MAX_LIMIT = 200;

  private final HistoryReader history;
  private final Memberships memberships;

  public HistoryRoutes(HistoryReader history, Memberships memberships) {
    this.history = history;
    this.memberships = memberships;
  }

  public void register(Operations operations) {
    operations.authenticated("readHistory", this::page);
  }

  private void page(RoutingContext ctx) {
    long channelId = positive(ctx.pathParam("channelId"), "channelId");
    String beforeParam = ctx.request().getParam("before");
    String limitParam = ctx.request().getParam("limit");
    long before = beforeParam == null ? -1 : positive(beforeParam, "before");
    int limit = limitParam == null ? 50 : (int) Math.min(MAX_LIMIT, positive(limitParam, "limit"));
    memberships.isMember(channelId, BearerAuth.userId(ctx))
        .compose(member -> member ? (before < 0 ? history.latest(channelId, limit) : history.pageBackwards(channelId, before - 1, limit))
            : Problem.forbidden("not a member of channel " + channelId).<List<StoredMessage>>asFuture())
        .onSuccess(messages -> {
          JsonArray items = new JsonArray();
          messages.forEach(m -> items.add(new JsonObject().put("channel", m.channelId()).put("seq", m.seq())
              .put("sender", m.senderId()).put("client_msg_id", m.clientMsgId().toString())
              .put("body", m.body()).put("sent_at", m.sentAt())));
          ctx.json(new JsonObject().put("messages", items));
        })
        .onFailure(ctx::fail);
  }

  private static long positive(String value, String name) {
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= 1) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw Problem.badRequest("invalid_field", name + ": a positive integer is required");
  }
}
