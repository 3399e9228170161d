package chat.stores.history;

import chat.runtime.cassandra.LazyStatement;
import chat.runtime.config.CassandraConfig;
import chat.schemas.events.MessageSequenced;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Writes sequenced messages. Every write is idempotent: a message row is immutable and keyed by
 * {@code (channel, seq)}, and the head is written {@code USING TIMESTAMP seq}, so replaying old
 * messages can never move a head backwards.
 */
public final class HistoryWriter {

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

  public Future<Void> write(List<MessageSequenced> messages) {
    Future<PreparedStatement> insert = insertMessage.get();
    Future<PreparedStatement> head = advanceHead.get();
    return Future.all(insert, head).compose(prepared -> {
      List<Future<?>> writes = new java.util.ArrayList<>(messages.size() * 2);
      for (MessageSequenced m : messages) {
        writes.add(cassandra.execute(insert.result().bind(m.channelId(), MessageBuckets.bucketOf(m.seq()),
            m.seq(), m.senderId(), m.deviceId(), m.clientMsgId(), m.body(), Instant.ofEpochMilli(m.sentAt()))));
        writes.add(cassandra.execute(head.result().bind(m.seq(), m.seq(), m.channelId())));
      }
      return Future.all(writes).mapEmpty();
    });
  }
}
