package chat.stores.history;

import chat.runtime.cassandra.LazyStatement;
import chat.runtime.config.CassandraConfig;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** Reads history: a channel's head and pages of messages going backwards. */
public final class HistoryReader {

  private final CassandraClient cassandra;
  private final LazyStatement pageBefore;
  private final LazyStatement head;
  private final LazyStatement pageAfter;
  private final LazyStatement heads;
  private final LazyStatement readPositions;

  public HistoryReader(CassandraClient cassandra, CassandraConfig config) {
    this.cassandra = cassandra;
    this.pageBefore = new LazyStatement(cassandra, "SELECT channel_id, seq, sender_id, device_id, client_msg_id, body, sent_at"
        + " FROM " + config.keyspace + ".messages WHERE channel_id = ? AND bucket = ? AND seq <= ? LIMIT ?");
    this.pageAfter = new LazyStatement(cassandra, "SELECT channel_id, seq, sender_id, device_id, client_msg_id, body, sent_at"
        + " FROM " + config.keyspace + ".messages WHERE channel_id = ? AND bucket = ? AND seq > ? AND seq <= ? ORDER BY seq ASC LIMIT ?");
    this.head = new LazyStatement(cassandra, "SELECT head_seq FROM " + config.keyspace + ".channel_heads WHERE channel_id = ?");
    this.heads = new LazyStatement(cassandra,
        "SELECT channel_id, head_seq FROM " + config.keyspace + ".channel_heads WHERE channel_id IN ?");
    this.readPositions = new LazyStatement(cassandra,
        "SELECT channel_id, read_seq FROM " + config.keyspace + ".read_positions WHERE user_id = ? AND channel_id IN ?");
  }

  /** The highest seq stored for the channel, empty when it has no message yet. */
  public Future<Optional<Long>> head(long channelId) {
    return head.get().compose(statement -> cassandra.execute(statement.bind(channelId)))
        .map(rows -> Optional.ofNullable(rows.one()).map(row -> row.getLong("head_seq")));
  }

  /** The heads of several channels in one query; channels without a message are absent. */
  public Future<Map<Long, Long>> heads(List<Long> channelIds) {
    if (channelIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return heads.get().compose(statement -> cassandra.executeWithFullFetch(statement.bind(channelIds)))
        .map(rows -> toMap(rows, "head_seq"));
  }

  /** A user's read positions in several channels; channels never read are absent. */
  public Future<Map<Long, Long>> readPositions(long userId, List<Long> channelIds) {
    if (channelIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return readPositions.get().compose(statement -> cassandra.executeWithFullFetch(statement.bind(userId, channelIds)))
        .map(rows -> toMap(rows, "read_seq"));
  }

  private static Map<Long, Long> toMap(List<Row> rows, String column) {
    Map<Long, Long> values = new HashMap<>();
    rows.forEach(row -> values.put(row.getLong("channel_id"), row.getLong(column)));
    return values;
  }

  /** Up to {@code limit} messages with {@code seq <= fromSeq}, newest first. */
  public Future<List<StoredMessage>> pageBackwards(long channelId, long fromSeq, int limit) {
    List<StoredMessage> page = new ArrayList<>(limit);
    return pageBefore.get().compose(statement -> fill(statement, channelId, fromSeq, limit, page)).map(v -> page);
  }

  /**
   * Up to {@code limit} messages with {@code afterSeq < seq <= headSeq}, oldest first (the caller
   * passes the head it knows, so a page is consistent with the head it reports).
   */
  public Future<List<StoredMessage>> pageForwards(long channelId, long afterSeq, long headSeq, int limit) {
    List<StoredMessage> page = new ArrayList<>(limit);
    return pageAfter.get().compose(statement -> fillForwards(statement, channelId, afterSeq, headSeq, limit, page)).map(v -> page);
  }

  private Future<Void> fillForwards(PreparedStatement statement, long channelId, long afterSeq, long headSeq, int limit,
      List<StoredMessage> page) {
    if (afterSeq >= headSeq || page.size() >= limit) {
      return Future.succeededFuture();
    }
    int bucket = MessageBuckets.bucketOf(afterSeq + 1);
    return cassandra.executeWithFullFetch(statement.bind(channelId, bucket, afterSeq, headSeq, limit - page.size()))
        .compose(rows -> {
          rows.forEach(row -> page.add(toMessage(row)));
          long nextBucketStart = (bucket + 1) * MessageBuckets.SIZE;
          return page.size() >= limit ? Future.succeededFuture()
              : fillForwards(statement, channelId, nextBucketStart - 1, headSeq, limit, page);
        });
  }

  /**
   * Up to {@code limit} messages around {@code seq} (jump to message): {@code seq} itself and the
   * ones just before it, then the ones just after, oldest first, never past {@code headSeq}.
   */
  public Future<List<StoredMessage>> around(long channelId, long seq, long headSeq, int limit) {
    long target = Math.min(seq, headSeq);
    if (target < 1) {
      return Future.succeededFuture(List.of());
    }
    int before = (limit + 1) / 2;
    return pageBackwards(channelId, target, before).compose(older -> pageForwards(channelId, target, headSeq, limit - older.size())
        .map(newer -> {
          List<StoredMessage> all = new ArrayList<>(older);
          java.util.Collections.reverse(all);
          all.addAll(newer);
          return all;
        }));
  }

  /** The newest {@code limit} messages, newest first. */
  public Future<List<StoredMessage>> latest(long channelId, int limit) {
    return head(channelId).compose(h -> h.isEmpty() ? Future.succeededFuture(List.of()) : pageBackwards(channelId, h.get(), limit));
  }

  private Future<Void> fill(PreparedStatement statement, long channelId, long fromSeq, int limit, List<StoredMessage> page) {
    int bucket = MessageBuckets.bucketOf(fromSeq);
    return cassandra.executeWithFullFetch(statement.bind(channelId, bucket, fromSeq, limit - page.size()))
        .compose(rows -> {
          rows.forEach(row -> page.add(toMessage(row)));
          if (page.size() >= limit || bucket == 0) {
            return Future.succeededFuture();
          }
          return fill(statement, channelId, bucket * MessageBuckets.SIZE - 1, limit, page);
        });
  }

  private static StoredMessage toMessage(Row row) {
    return new StoredMessage(row.getLong("channel_id"), row.getLong("seq"), row.getLong("sender_id"),
        row.getString("device_id"), row.getUuid("client_msg_id"), row.getString("body"),
        row.getInstant("sent_at").toEpochMilli());
  }
}
