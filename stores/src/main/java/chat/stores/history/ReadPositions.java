package chat.stores.history;

import chat.runtime.cassandra.LazyStatement;
import chat.runtime.config.CassandraConfig;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each user has read each channel up to. Written {@code USING TIMESTAMP seq}, so a position
 * never moves backwards: an older (smaller) seq written later simply loses.
 */
public final class ReadPositions {

  private final CassandraClient cassandra;
  private final LazyStatement advance;
  private final LazyStatement ofUsers;

  public ReadPositions(CassandraClient cassandra, CassandraConfig config) {
    this.cassandra = cassandra;
    this.advance = new LazyStatement(cassandra, "UPDATE " + config.keyspace + ".read_positions USING TIMESTAMP ?"
        + " SET read_seq = ? WHERE user_id = ? AND channel_id = ?");
    this.ofUsers = new LazyStatement(cassandra, "SELECT user_id, read_seq FROM " + config.keyspace + ".read_positions"
        + " WHERE user_id IN ? AND channel_id = ?");
  }

  /** The read positions of several users in one channel, in one query; users who never read are absent. */
  public Future<Map<Long, Long>> ofUsers(long channelId, List<Long> userIds) {
    if (userIds.isEmpty()) {
      return Future.succeededFuture(Map.of());
    }
    return ofUsers.get().compose(statement -> cassandra.executeWithFullFetch(statement.bind(userIds, channelId)))
        .map(rows -> {
          Map<Long, Long> positions = new HashMap<>();
          rows.forEach(row -> positions.put(row.getLong("user_id"), row.getLong("read_seq")));
          return positions;
        });
  }

  public Future<Void> advance(long userId, long channelId, long seq) {
    return advance.get().compose(statement -> cassandra.execute(statement.bind(seq, seq, userId, channelId))).mapEmpty();
  }
}
