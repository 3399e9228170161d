package chat.runtime.redis;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * Several {@link CachedRead}s sent to Redis as one batch: one write, one round trip, one reply to
 * parse for all of them, where each read on its own would cost its own. Each read's answer
 * completes its own future; if the batch fails, every one fails with it. For a single use:
 * {@link #add} the reads, then {@link #send} once.
 */
public final class ReadBatch {

  private final List<Request> requests = new ArrayList<>();
  /** Per read added: what it does with the batch's replies, or with its failure. */
  private final List<Handler<AsyncResult<List<Response>>>> reads = new ArrayList<>();
  private boolean sent;

  /** Adds a read; its future completes after {@link #send}. */
  public <T> Future<T> add(CachedRead<T> read) {
    if (sent) {
      throw new IllegalStateException("this batch was sent already");
    }
    int from = requests.size();
    requests.addAll(read.requests());
    int to = requests.size();
    Promise<T> answer = Promise.promise();
    reads.add(replies -> {
      if (replies.failed()) {
        answer.fail(replies.cause());
        return;
      }
      try {
        read.answer(replies.result().subList(from, to)).onComplete(answer);
      } catch (RuntimeException e) {
        answer.fail(e);
      }
    });
    return answer.future();
  }

  /** How many reads were added. */
  public int size() {
    return reads.size();
  }

  /** Sends every read added, in one round trip. */
  public void send(Redis redis) {
    if (sent) {
      throw new IllegalStateException("this batch was sent already");
    }
    sent = true;
    if (requests.isEmpty()) {
      reads.forEach(read -> read.handle(Future.succeededFuture(List.of())));
      return;
    }
    redis.batch(requests).onComplete(replies -> reads.forEach(read -> read.handle(replies)));
  }
}
