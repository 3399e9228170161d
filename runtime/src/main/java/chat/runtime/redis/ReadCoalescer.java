package chat.runtime.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import java.util.function.Consumer;

/**
 * Gathers the reads made during one turn of an event loop into one {@link ReadBatch}, sent when
 * the turn's I/O is done: the sends of every socket read in the same wake-up share one round trip
 * to Redis, one write and one read on each side, where each would otherwise cost its own. The
 * wait is the rest of the turn, not a timer. Use from the one context it was made for.
 */
public final class ReadCoalescer {

  /** Reads per batch at most; past it a batch goes at once and the next one starts. */
  static final int MAX_READS = 256;

  private final Context context;
  private final Consumer<ReadBatch> sender;
  private ReadBatch pending;

  /** {@code sender} sends each gathered batch (the tests count them). */
  ReadCoalescer(Context context, Consumer<ReadBatch> sender) {
    this.context = context;
    this.sender = sender;
  }

  public static ReadCoalescer sendingTo(Context context, Redis redis) {
    return new ReadCoalescer(context, batch -> batch.send(redis));
  }

  /** Adds a read to this turn's batch; its future completes once the batch was answered. */
  public <T> Future<T> add(CachedRead<T> read) {
    if (pending == null) {
      ReadBatch batch = new ReadBatch();
      pending = batch;
      context.runOnContext(v -> flush(batch));
    }
    Future<T> answer = pending.add(read);
    if (pending.size() >= MAX_READS) {
      flush(pending);
    }
    return answer;
  }

  private void flush(ReadBatch batch) {
    if (pending == batch) {
      pending = null;
      sender.accept(batch);
    }
  }
}
