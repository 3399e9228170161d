package chat.runtime.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;

/**
 * Every command of its user on one pipelined Redis connection: commands are written as they come
 * and the replies matched in order, so any number are in flight at once (up to the connection's
 * waiting-handler limit, beyond which a command fails at once). A pool instead holds each
 * connection for a whole round trip, so a burst queues behind a handful of connections and, when
 * Redis stalls for a second or two, overflows its waiting queue.
 *
 * <p>The connection is opened on first use and again after it closes or fails; a failed attempt
 * is reported to the commands of the next {@link #RETRY_AFTER_MS} instead of being retried by each.
 * Replies complete on the caller's context, as with Vert.x's own clients.
 *
 * <p>Only for commands whose reply comes back on the same connection: {@link #connect()} gives a
 * connection of its own for pub/sub or blocking commands.
 */
public final class PipelinedRedis implements Redis {

  /** How long a failed connection attempt is reported before the next one. */
  static final long RETRY_AFTER_MS = 1_000;

  private final Vertx vertx;
  private final Redis connector;
  private Future<RedisConnection> connection;
  private long failedAt;
  private boolean closed;

  /** {@code connector} opens the connections (its options: address, password, waiting-handler limit). */
  public PipelinedRedis(Vertx vertx, Redis connector) {
    this.vertx = vertx;
    this.connector = connector;
  }

  @Override
  public Future<Response> send(Request command) {
    ContextInternal caller = (ContextInternal) vertx.getOrCreateContext();
    Promise<Response> reply = caller.promise();
    connection().compose(c -> c.send(command)).onComplete(reply);
    return reply.future();
  }

  @Override
  public Future<List<Response>> batch(List<Request> commands) {
    ContextInternal caller = (ContextInternal) vertx.getOrCreateContext();
    Promise<List<Response>> replies = caller.promise();
    connection().compose(c -> c.batch(commands)).onComplete(replies);
    return replies.future();
  }

  /** A connection of its own, not shared (pub/sub, blocking commands); the caller closes it. */
  @Override
  public Future<RedisConnection> connect() {
    return connector.connect();
  }

  @Override
  public Future<Void> close() {
    Future<RedisConnection> current;
    synchronized (this) {
      closed = true;
      current = connection;
      connection = null;
    }
    Future<Void> closing = current == null ? Future.succeededFuture()
        : current.transform(ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture());
    return closing.eventually(connector::close);
  }

  private synchronized Future<RedisConnection> connection() {
    if (closed) {
      return Future.failedFuture(new IllegalStateException("Redis client closed"));
    }
    if (connection != null && (!connection.failed() || System.currentTimeMillis() - failedAt < RETRY_AFTER_MS)) {
      return connection;
    }
    Future<RedisConnection> attempt = connector.connect();
    connection = attempt;
    attempt.onComplete(ar -> {
      if (ar.failed()) {
        synchronized (this) {
          failedAt = System.currentTimeMillis();
        }
        return;
      }
      RedisConnection opened = ar.result();
      opened.endHandler(v -> forget(attempt));
      opened.exceptionHandler(error -> {
        forget(attempt);
        opened.close();
      });
    });
    return attempt;
  }

  /** The next command opens a new connection, unless another one was opened meanwhile. */
  private synchronized void forget(Future<RedisConnection> dead) {
    if (connection == dead) {
      connection = null;
    }
  }
}
