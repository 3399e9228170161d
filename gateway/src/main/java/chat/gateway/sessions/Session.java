package chat.gateway.sessions;

import chat.gateway.edge.ClientSocket;
import chat.gateway.limits.SendLimits;
import chat.gateway.limits.TokenBucket;
import io.netty.buffer.ByteBuf;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import java.util.UUID;
import java.util.function.Function;

/**
 * One connected device. Writes are refused, and the socket closed with 1013 (try again later),
 * when the client does not read fast enough: it will resync from history when it reconnects.
 */
public final class Session {

  /** WebSocket close code: the server is overloaded / the client too slow; reconnect later. */
  public static final short TRY_AGAIN_LATER = 1013;

  /** WebSocket close code: the client sent nothing (not even a heartbeat) for the idle timeout. */
  public static final short IDLE = 4000;

  private final long userId;
  private final String deviceId;
  private final String connectionId = UUID.randomUUID().toString();
  private long lastFrameNanos;
  /** Why the connection ended: {@code client} unless the gateway closed it ({@code idle}, {@code too_slow}, {@code gateway_stopped}). */
  private String closeCause = "client";
  private final ClientSocket socket;
  private final TokenBucket connectionBucket;
  private final TokenBucket userBucket;
  private Future<Void> sends = Future.succeededFuture();
  private boolean flushPending;

  public Session(long userId, String deviceId, ClientSocket socket, TokenBucket connectionBucket, TokenBucket userBucket) {
    this.userId = userId;
    this.deviceId = deviceId;
    this.socket = socket;
    this.connectionBucket = connectionBucket;
    this.userBucket = userBucket;
    this.lastFrameNanos = System.nanoTime();
  }

  /** A frame arrived: the connection is alive. */
  public void touch(long nowNanos) {
    lastFrameNanos = nowNanos;
  }

  /** Whether nothing arrived since {@code cutoffNanos}. */
  public boolean idleSince(long cutoffNanos) {
    return lastFrameNanos - cutoffNanos < 0;
  }

  /** Unique to this connection: a device that reconnects gets a new one. */
  public String connectionId() {
    return connectionId;
  }

  /** Closes the socket; {@code leaveReason} is what presence is told ({@code idle}, {@code gateway_stopped}). */
  public void close(short code, String reason, String leaveReason) {
    if (!socket.isClosed()) {
      this.closeCause = leaveReason;
      socket.close(code, reason);
    }
  }

  /** Why the connection ended, for presence: {@code closed} unless the gateway closed it for a reason. */
  public String leaveReason() {
    return "idle".equals(closeCause) || "gateway_stopped".equals(closeCause) ? closeCause : "closed";
  }

  /** Why the connection ended, for metrics: {@code client}, {@code idle}, {@code too_slow} or {@code gateway_stopped}. */
  public String closeCause() {
    return closeCause;
  }

  /**
   * Runs {@code step} once every earlier send of this connection has run its step: the checks of
   * several sends may complete in any order (a cache miss goes to PostgreSQL), but their records reach
   * the producer in the order the client sent them, so one sender's order is kept.
   */
  public <T> void inSendOrder(Future<T> check, Function<AsyncResult<T>, Future<Void>> step) {
    sends = sends.transform(previous -> check.transform(step::apply));
  }

  /** 0 when this frame may pass the connection's and the user's limits, else the ms to wait. */
  public long admitFrame(long nowNanos) {
    return SendLimits.take(connectionBucket, userBucket, nowNanos);
  }

  public long userId() {
    return userId;
  }

  public String deviceId() {
    return deviceId;
  }

  public void send(String frameJson) {
    if (writable()) {
      socket.writeText(frameJson);
    }
  }

  /**
   * Queues a frame already encoded as UTF-8, taking over one reference to it (released if not
   * sent), for the next {@link #flush()}. Returns whether this is the first frame queued since the
   * last flush: the caller keeps the session to flush it once after writing all its frames, so a
   * socket that gets several frames of one delivery batch costs one write to the network.
   */
  public boolean queue(ByteBuf frameUtf8) {
    if (!writable()) {
      frameUtf8.release();
      return false;
    }
    socket.queueText(frameUtf8);
    if (flushPending) {
      return false;
    }
    flushPending = true;
    return true;
  }

  /** Sends the frames queued since the last flush. */
  public void flush() {
    flushPending = false;
    socket.flush();
  }

  /** Whether a frame may be written; a client that does not read fast enough is closed instead. */
  private boolean writable() {
    if (socket.isClosed()) {
      return false;
    }
    if (socket.writeQueueFull()) {
      closeCause = "too_slow";
      socket.close(TRY_AGAIN_LATER, "too slow: reconnect and resync");
      return false;
    }
    return true;
  }
}
