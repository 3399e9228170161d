package chat.stores.history;

import chat.runtime.cassandra.LazyStatement;
import chat.runtime.config.CassandraConfig;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;

/**
 * Where each user has read each channel up to. Written {@code USING TIMESTAMP seq}, so a position
 * never moves backwards: an older (smaller) seq written later simply loses.
 */
public final class ReadPositions {

  private final CassandraClient cassandra;
  private final LazyStatement advance;

  public ReadPositions(CassandraClient cassandra, CassandraConfig config) {
    this.cassandra = cassandra;
    this.advance = new LazyStatement(cassandra, "UPDATE " + config.keyspace + ".read_positions USING TIMESTAMP ?"
        + " SET read_seq = ? WHERE user_id = ? AND channel_id = ?");
  }

  public Future<Void> advance(long userId, long channelId, long seq) {
    return advance.get().compose(statement -> cassandra.execute(statement.bind(seq, seq, userId, channelId))).mapEmpty();
  }
}
