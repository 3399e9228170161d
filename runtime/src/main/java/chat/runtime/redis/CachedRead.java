package chat.runtime.redis;

import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.function.Function;

/**
 * A read served from a Redis cache: the commands that read it, and how their replies become the
 * answer (on a miss, by the slow path behind the cache). Separating the two lets several reads
 * travel in one round trip ({@link ReadBatch}).
 */
public interface CachedRead<T> {

  /** The commands to send, in order. */
  List<Request> requests();

  /** The answer from the replies to {@link #requests()}, in the same order; may go to the source on a miss. */
  Future<T> answer(List<Response> replies);

  /** This read alone, in one round trip. */
  default Future<T> readFrom(Redis redis) {
    return redis.batch(requests()).compose(this::answer);
  }

  /** A read of these commands, answered by {@code answer} from their replies. */
  static <T> CachedRead<T> of(List<Request> requests, Function<List<Response>, Future<T>> answer) {
    return new CachedRead<>() {
      @Override
      public List<Request> requests() {
        return requests;
      }

      @Override
      public Future<T> answer(List<Response> replies) {
        return answer.apply(replies);
      }
    };
  }
}
