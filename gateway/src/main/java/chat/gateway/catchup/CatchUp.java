package chat.gateway.catchup;

import chat.schemas.ErrorCode;
import chat.schemas.frames.ErrorFrame;
import chat.schemas.frames.HistoryFrame;
import chat.schemas.frames.HistoryPageFrame;
import chat.schemas.frames.MessageFrame;
import chat.schemas.frames.ServerFrame;
import chat.schemas.frames.SyncFrame;
import chat.schemas.frames.SyncedFrame;
import chat.stores.history.BackwardPages;
import chat.stores.history.HistoryReader;
import chat.stores.history.MessageJson;
import chat.stores.history.StoredMessage;
import chat.stores.membership.Memberships;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How a device catches up: {@code history} (a page of one channel, e.g. to fill a gap in seq)
 * and {@code sync} (every channel of the user, from the device's cursors). Completeness comes
 * from here: the live hop may drop a frame, history never does.
 */
public final class CatchUp {

  static final int DEFAULT_LIMIT = 50;

  private final HistoryReader history;
  private final BackwardPages backwardPages;
  private final Memberships memberships;
  private final Pool postgres;

  public CatchUp(HistoryReader history, BackwardPages backwardPages, Memberships memberships, Pool postgres) {
    this.history = history;
    this.backwardPages = backwardPages;
    this.memberships = memberships;
    this.postgres = postgres;
  }

  public Future<ServerFrame> history(long userId, HistoryFrame request) {
    int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
    return memberships.isMember(request.channel(), userId).compose(member -> !member
        ? Future.succeededFuture(ErrorFrame.of(ErrorCode.NOT_A_MEMBER, "not a member of channel " + request.channel()))
        : request.after() == null && request.around() == null
            ? backwardPages.page(request.channel(), request.before() == null ? 0 : request.before(), limit)
                .map(page -> new HistoryPageFrame(request.channel(), page.head(), decoded(page.messages())))
            : history.head(request.channel()).compose(known -> {
              long head = known.orElse(0L);
              Future<List<StoredMessage>> page = request.after() != null
                  ? history.pageForwards(request.channel(), request.after(), head, limit)
                  : history.around(request.channel(), request.around(), head, limit);
              return page.map(messages -> new HistoryPageFrame(request.channel(), head, frames(messages)));
            }));
  }

  public Future<ServerFrame> sync(long userId, SyncFrame request) {
    int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
    Map<String, Long> cursors = request.cursors() == null ? Map.of() : request.cursors();
    return postgres.preparedQuery("SELECT channel_id FROM channel_members WHERE user_id = $1 ORDER BY channel_id")
        .execute(Tuple.of(userId))
        .compose(rows -> {
          List<Long> channels = new ArrayList<>();
          rows.forEach(row -> channels.add(row.getLong("channel_id")));
          return history.heads(channels).compose(heads -> {
            List<Future<SyncedFrame.ChannelState>> states = channels.stream()
                .map(channel -> state(channel, heads.getOrDefault(channel, 0L), cursors.get(Long.toString(channel)), limit))
                .toList();
            return Future.all(states).map(all -> (ServerFrame) new SyncedFrame(all.list()));
          });
        });
  }

  /** After the cursor if there is one (up to limit), else the latest page. */
  private Future<SyncedFrame.ChannelState> state(long channel, long head, Long cursor, int limit) {
    if (head == 0 || (cursor != null && cursor >= head)) {
      return Future.succeededFuture(new SyncedFrame.ChannelState(channel, head, List.of(), false));
    }
    if (cursor == null) {
      return history.pageBackwards(channel, head, limit)
          .map(page -> new SyncedFrame.ChannelState(channel, head, frames(page), false));
    }
    return history.pageForwards(channel, cursor, head, limit).map(page -> {
      List<MessageFrame> messages = frames(page);
      long last = messages.isEmpty() ? cursor : messages.get(messages.size() - 1).seq();
      return new SyncedFrame.ChannelState(channel, head, messages, last < head);
    });
  }

  /** Stored messages as {@code message} frames, in seq order. */
  static List<MessageFrame> frames(List<StoredMessage> stored) {
    return stored.stream().sorted(Comparator.comparingLong(StoredMessage::seq)).map(StoredMessage::frame).toList();
  }

  /** Encoded messages as {@code message} frames, in seq order. */
  static List<MessageFrame> decoded(List<MessageJson> encoded) {
    return encoded.stream().sorted(Comparator.comparingLong(MessageJson::seq)).map(MessageJson::frame).toList();
  }
}
