package chat.gateway.receipts;

import chat.schemas.ErrorCode;
import chat.schemas.Json;
import chat.schemas.frames.ErrorFrame;
import chat.schemas.frames.ReadFrame;
import chat.schemas.frames.ReceiptFrame;
import chat.schemas.frames.ServerFrame;
import chat.schemas.frames.TypingFrame;
import chat.schemas.frames.UserTypingFrame;
import chat.stores.delivery.ChannelFrame;
import chat.stores.delivery.Fanout;
import chat.stores.history.HistoryReader;
import chat.stores.history.ReadPositions;
import chat.stores.membership.Memberships;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read receipts (stored, never backwards, told to the channel's connected members) and typing
 * indicators (ephemeral, throttled, told to the other connected members). Each answers with an
 * error frame when refused, or nothing: the {@code receipt} coming back through the fan-out is
 * the reader's confirmation.
 */
public final class Receipts {

  static final long TYPING_EVERY_NANOS = 3_000_000_000L;

  private final Memberships memberships;
  private final HistoryReader history;
  private final ReadPositions positions;
  private final Fanout fanout;
  /** Last typing passed on, per "user:channel"; touched only from the gateway's event loop. */
  private final Map<String, Long> lastTyping = new HashMap<>();

  public Receipts(Memberships memberships, HistoryReader history, ReadPositions positions, Fanout fanout) {
    this.memberships = memberships;
    this.history = history;
    this.positions = positions;
    this.fanout = fanout;
  }

  public Future<Optional<ServerFrame>> read(long userId, ReadFrame read) {
    return memberships.isMember(read.channel(), userId).compose(member -> !member
        ? refused(read.channel())
        : history.head(read.channel()).compose(head -> {
          long seq = Math.min(read.seq(), head.orElse(0L));
          if (seq < 1) {
            return Future.succeededFuture(Optional.empty());
          }
          return positions.advance(userId, read.channel(), seq)
              .compose(v -> fanout.publish(List.of(ChannelFrame.toAll(read.channel(), Json.encode(new ReceiptFrame(read.channel(), userId, seq))))))
              .map(Optional.empty());
        }));
  }

  public Future<Optional<ServerFrame>> typing(long userId, TypingFrame typing, long nowNanos) {
    String key = userId + ":" + typing.channel();
    Long last = lastTyping.get(key);
    if (last != null && nowNanos - last < TYPING_EVERY_NANOS) {
      return Future.succeededFuture(Optional.empty());
    }
    lastTyping.put(key, nowNanos);
    if (lastTyping.size() > 100_000) {
      lastTyping.values().removeIf(at -> nowNanos - at >= TYPING_EVERY_NANOS);
    }
    return memberships.isMember(typing.channel(), userId).compose(member -> !member
        ? refused(typing.channel())
        : fanout.publish(List.of(new ChannelFrame(typing.channel(), Json.encode(new UserTypingFrame(typing.channel(), userId)), userId)))
            .map(Optional.empty()));
  }

  private static Future<Optional<ServerFrame>> refused(long channel) {
    return Future.succeededFuture(Optional.of(ErrorFrame.of(ErrorCode.NOT_A_MEMBER, "not a member of channel " + channel)));
  }
}
