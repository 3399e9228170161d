package chat.runtime.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Several {@link CachedRead}s sent to Redis as one batch: one write, one round trip, one reply to
 * parse for all of them, where each read on its own would cost its own. Each read's answer
 * completes its own future; if the batch fails, every one fails with it. For a single use:
 * {@link #add} the reads, then {@link #send} once.
 */
public final class ReadBatch {

  private final List<Request> requests = new ArrayList<>();
  private final List<Consumer<List<Response>>> answers = new ArrayList<>();
  private final List<Promise<?>> promises = new ArrayList<>();
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
    promises.add(answer);
    answers.add(replies -> {
      Future<T> result;
      try {
        result = read.answer(replies.subList(from, to));
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(answer);
    });
    return answer.future();
  }

  /** Sends every read added, in one round trip. */
  public void send(Redis redis) {
    if (sent) {
      throw new IllegalStateException("this batch was sent already");
    }
    sent = true;
    if (requests.isEmpty()) {
      answers.forEach(answer -> answer.accept(List.of()));
      return;
    }
    redis.batch(requests).onComplete(ar -> {
      if (ar.succeeded()) {
        answers.forEach(answer -> answer.accept(ar.result()));
      } else {
        promises.forEach(promise -> promise.tryFail(ar.cause()));
      }
    });
  }
}
