package chat.stores.history;

import chat.runtime.cassandra.LazyStatement;
import chat.runtime.config.CassandraConfig;
import chat.schemas.events.MessageSequenced;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes sequenced messages. Every write is idempotent: a message row is immutable and keyed by
 * {@code (channel, seq)}, and the head is written {@code USING TIMESTAMP seq}, so replaying old
 * messages can never move a head backwards.
 */
public final class HistoryWriter {

  /** Messages per write, and bodies per write (under Cassandra's 5 KiB batch size warning with the other columns). */
  private static final int CHUNK_MESSAGES = 16;
  private static final int CHUNK_BODY_CHARS = 3_000;

  private final CassandraClient cassandra;
  private final LazyStatement insertMessage;
  private final LazyStatement advanceHead;

  public HistoryWriter(CassandraClient cassandra, CassandraConfig config) {
    this.cassandra = cassandra;
    this.insertMessage = new LazyStatement(cassandra, "INSERT INTO " + config.keyspace + ".messages"
        + " (channel_id, bucket, seq, sender_id, device_id, client_msg_id, body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    this.advanceHead = new LazyStatement(cassandra, "UPDATE " + config.keyspace + ".channel_heads USING TIMESTAMP ?"
        + " SET head_seq = ? WHERE channel_id = ?");
  }

  /**
   * Writes the messages: per channel, an unlogged batch of its rows and its head (the highest seq
   * of the batch), in chunks ({@link WriteChunks}), all chunks at once.
   */
  public Future<Void> write(List<MessageSequenced> messages) {
    Future<PreparedStatement> insert = insertMessage.get();
    Future<PreparedStatement> head = advanceHead.get();
    return Future.all(insert, head).compose(prepared -> {
      List<Future<?>> writes = new ArrayList<>();
      for (List<MessageSequenced> chunk : WriteChunks.of(messages, CHUNK_MESSAGES, CHUNK_BODY_CHARS)) {
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        long top = 0;
        for (MessageSequenced m : chunk) {
          batch.addStatement(insert.result().bind(m.channelId(), MessageBuckets.bucketOf(m.seq()),
              m.seq(), m.senderId(), m.deviceId(), m.clientMsgId(), m.body(), Instant.ofEpochMilli(m.sentAt())));
          top = Math.max(top, m.seq());
        }
        batch.addStatement(head.result().bind(top, top, chunk.get(0).channelId()));
        writes.add(cassandra.execute(batch.build()));
      }
      return Future.all(writes).mapEmpty();
    });
  }
}
