package chat.api.history;

import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.history.BackwardPages;
import chat.stores.history.HistoryPage;
import chat.stores.history.HistoryReader;
import chat.stores.history.StoredMessage;
import chat.stores.membership.Memberships;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import chat.api.http.Operations;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /v1/channels/{id}/messages?before|after|around=<seq>&limit=<n>}: a page of history,
 * newest first, members only.
 */
public final class HistoryRoutes {

  private static final int MAX_LIMIT = 200;

  private final HistoryReader history;
  private final BackwardPages backwardPages;
  private final Memberships memberships;

  public HistoryRoutes(HistoryReader history, BackwardPages backwardPages, Memberships memberships) {
    this.history = history;
    this.backwardPages = backwardPages;
    this.memberships = memberships;
  }

  public void register(Operations operations) {
    operations.authenticated("readHistory", this::page);
  }

  private void page(RoutingContext ctx) {
    long channelId = positive(ctx.pathParam("channelId"), "channelId");
    String limitParam = ctx.request().getParam("limit");
    int limit = limitParam == null ? 50 : (int) Math.min(MAX_LIMIT, positive(limitParam, "limit"));
    long before = optional(ctx, "before");
    long after = optional(ctx, "after");
    long around = optional(ctx, "around");
    if ((before > 0 ? 1 : 0) + (after >= 0 ? 1 : 0) + (around > 0 ? 1 : 0) > 1) {
      throw Problem.badRequest("invalid_field", "before, after, around: give at most one");
    }
    memberships.isMember(channelId, BearerAuth.userId(ctx))
        .compose(member -> !member ? Problem.forbidden("not a member of channel " + channelId).<List<StoredMessage>>asFuture()
            : after < 0 && around < 0 ? backwardPages.page(channelId, before, limit).map(HistoryPage::messages)
            : history.head(channelId).compose(head -> after >= 0
                ? history.pageForwards(channelId, after, head.orElse(0L), limit).map(HistoryRoutes::newestFirst)
                : history.around(channelId, around, head.orElse(0L), limit).map(HistoryRoutes::newestFirst)))
        .onSuccess(messages -> {
          JsonArray items = new JsonArray();
          messages.forEach(m -> items.add(new JsonObject().put("channel", m.channelId()).put("seq", m.seq())
              .put("sender", m.senderId()).put("client_msg_id", m.clientMsgId().toString())
              .put("body", m.body()).put("sent_at", m.sentAt())));
          ctx.json(new JsonObject().put("messages", items));
        })
        .onFailure(ctx::fail);
  }

  private static List<StoredMessage> newestFirst(List<StoredMessage> oldestFirst) {
    List<StoredMessage> copy = new java.util.ArrayList<>(oldestFirst);
    java.util.Collections.reverse(copy);
    return copy;
  }

  /** A seq parameter, or -1 when absent ({@code after} may be 0). */
  private static long optional(RoutingContext ctx, String name) {
    String value = ctx.request().getParam(name);
    return value == null ? -1 : Long.parseLong(value);
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
