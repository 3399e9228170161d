package chat.api.history;

import chat.api.http.Operations;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.history.BackwardPages;
import chat.stores.history.HistoryPage;
import chat.stores.history.HistoryReader;
import chat.stores.history.MessageJson;
import chat.stores.history.StoredMessage;
import chat.stores.membership.Memberships;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/channels/{id}/messages?before|after|around=<seq>&limit=<n>}: a page of history,
 * newest first, members only.
 */
public final class HistoryRoutes {

  private final HistoryReader history;
  private final BackwardPages backwardPages;
  private final Memberships memberships;

  public HistoryRoutes(HistoryReader history, BackwardPages backwardPages, Memberships memberships) {
    this.history = history;
    this.backwardPages = backwardPages;
    this.memberships = memberships;
  }

  public void register(Operations operations) {
    operations.authenticatedSelfChecked("readHistory", this::page); // parameters: HistoryQuery
  }

  private void page(RoutingContext ctx) {
    HistoryQuery query = HistoryQuery.parse(ctx.pathParam("channelId"), ctx.request()::getParam);
    long channelId = query.channelId();
    memberships.isMember(channelId, BearerAuth.userId(ctx))
        .compose(member -> !member ? Problem.forbidden("not a member of channel " + channelId).<List<MessageJson>>asFuture()
            : query.backwards() ? backwardPages.page(channelId, query.before(), query.limit()).map(HistoryPage::messages)
            : history.head(channelId).compose(head -> query.after() >= 0
                ? history.pageForwards(channelId, query.after(), head.orElse(0L), query.limit()).map(HistoryRoutes::newestFirst)
                : history.around(channelId, query.around(), head.orElse(0L), query.limit()).map(HistoryRoutes::newestFirst)))
        .onSuccess(messages -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
            .end(MessagesPage.of(messages)))
        .onFailure(ctx::fail);
  }

  private static List<MessageJson> newestFirst(List<StoredMessage> oldestFirst) {
    List<MessageJson> page = new ArrayList<>(oldestFirst.size());
    for (int i = oldestFirst.size() - 1; i >= 0; i--) {
      page.add(MessageJson.of(oldestFirst.get(i)));
    }
    return page;
  }
}
