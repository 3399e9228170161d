package chat.stores.history;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * The pages clients read most: the latest page of a channel, and the pages just before it. They
 * come from the recent-messages cache when it holds exactly the page asked for, else from
 * Cassandra (the head, then the page), with the same answer either way.
 */
public final class BackwardPages {

  private final HistoryReader history;
  private final RecentMessages recent;

  public BackwardPages(HistoryReader history, RecentMessages recent) {
    this.history = history;
    this.recent = recent;
  }

  /**
   * Up to {@code limit} messages before seq {@code before} (the newest ones when {@code before}
   * is 0 or less), newest first, with the head they were read at.
   */
  public Future<HistoryPage> page(long channelId, long before, int limit) {
    long fromSeq = before > 0 ? before - 1 : Long.MAX_VALUE;
    return recent.backwards(channelId, fromSeq, limit)
        .recover(e -> Future.succeededFuture(Optional.empty())) // the cache is an optimisation; history is the truth
        .compose(cached -> cached.isPresent() ? Future.succeededFuture(cached.get()) : fromHistory(channelId, fromSeq, limit));
  }

  private Future<HistoryPage> fromHistory(long channelId, long fromSeq, int limit) {
    return history.head(channelId).compose(known -> {
      long head = known.orElse(0L);
      long top = Math.min(head, fromSeq);
      return top <= 0 ? Future.succeededFuture(new HistoryPage(head, List.of()))
          : history.pageBackwards(channelId, top, limit)
              .map(messages -> new HistoryPage(head, messages.stream().map(MessageJson::of).toList()));
    });
  }
}
