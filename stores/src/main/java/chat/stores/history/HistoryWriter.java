package chat.stores.history;

import chat.runtime.cassandra.LazyStatement;
import chat.runtime.cassandra.ReplicaBatches;
import chat.runtime.config.CassandraConfig;
import chat.schemas.events.MessageSequenced;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes sequenced messages. Every write is idempotent: a message row is immutable and keyed by
 * {@code (channel, seq)}, and the head is written {@code USING TIMESTAMP seq}, so replaying old
 * messages can never move a head backwards.
 */
public final class HistoryWriter {

  /**
   * A row's bytes besides its body as Cassandra counts a batch's size (ids, client_msg_id, device
   * id, timestamp, and a timestamp per cell): ~170 measured (31 rows of 30-character bodies: 6.0 KiB).
   */
  private static final int ROW_BYTES = 200;
  private static final int HEAD_BYTES = 40;

  private final ReplicaBatches batches;
  private final LazyStatement insertMessage;
  private final LazyStatement advanceHead;

  public HistoryWriter(CassandraClient cassandra, CassandraConfig config) {
    this.batches = new ReplicaBatches(cassandra, config);
    this.insertMessage = new LazyStatement(cassandra, "INSERT INTO " + config.keyspace + ".messages"
        + " (channel_id, bucket, seq, sender_id, device_id, client_msg_id, body, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    this.advanceHead = new LazyStatement(cassandra, "UPDATE " + config.keyspace + ".channel_heads USING TIMESTAMP ?"
        + " SET head_seq = ? WHERE channel_id = ?");
  }

  /**
   * Writes the messages' rows, then each channel's head (the highest seq of its messages here),
   * each in as few requests as their replicas allow ({@link ReplicaBatches}). Heads after rows,
   * so a head never names a message history lacks, not even for a moment.
   */
  public Future<Void> write(List<MessageSequenced> messages) {
    Future<PreparedStatement> insert = insertMessage.get();
    Future<PreparedStatement> head = advanceHead.get();
    return Future.all(insert, head).compose(prepared -> {
      List<ReplicaBatches.Write> rows = new ArrayList<>(messages.size());
      Map<Long, Long> heads = new LinkedHashMap<>();
      for (MessageSequenced m : messages) {
        rows.add(new ReplicaBatches.Write(insert.result().bind(m.channelId(), MessageBuckets.bucketOf(m.seq()), m.seq(),
            m.senderId(), m.deviceId(), m.clientMsgId(), m.body(), Instant.ofEpochMilli(m.sentAt())),
            ROW_BYTES + m.body().length()));
        heads.merge(m.channelId(), m.seq(), Math::max);
      }
      List<ReplicaBatches.Write> headWrites = new ArrayList<>(heads.size());
      heads.forEach((channel, top) -> headWrites.add(new ReplicaBatches.Write(head.result().bind(top, top, channel), HEAD_BYTES)));
      return batches.execute(rows).compose(written -> batches.execute(headWrites));
    });
  }
}
