package chat.bench.report;

import io.vertx.core.Future;
import io.vertx.core.http.WebSocket;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * What kept the measured messages of a latency run from being sent, told apart from what the
 * system lost: writes the load generator's own socket failed (a closed socket), sends the gateway
 * refused with an {@code error} frame (by code), and sockets found closed at the end. Before this
 * tally a socket the generator lost made its sends read as messages the system lost (bench
 * README, "2026-12-02, afternoon").
 *
 * <p>Counts only what happens from {@code measuredFrom} on (a {@link System#nanoTime()}), so the
 * warm-up's faults stay out. Thread-safe: sockets live on several event loops.
 */
public final class SendFaults {

  private static final String ERROR_TYPE = "\"type\":\"error\"";

  private final long measuredFrom;
  private final LongAdder writesFailed = new LongAdder();
  private final Map<String, LongAdder> refused = new ConcurrentHashMap<>();

  public SendFaults(long measuredFrom) {
    this.measuredFrom = measuredFrom;
  }

  /** Counts the write as failed if it fails and the message it carries was due in the measured window. */
  public void watch(Future<Void> write, long dueNanos) {
    if (dueNanos >= measuredFrom) {
      write.onFailure(e -> writesFailed.increment());
    }
  }

  /** A frame from a sender's socket: an {@code error} frame counts as a refused send, by its code. */
  public void frame(String text) {
    if (text.contains(ERROR_TYPE) && System.nanoTime() >= measuredFrom) {
      refused.computeIfAbsent(codeOf(text), code -> new LongAdder()).increment();
    }
  }

  /** The tally, with the sockets of the run that were closed before the run closed them. */
  public Counts counts(Collection<WebSocket> sockets) {
    long closed = sockets.stream().filter(WebSocket::isClosed).count();
    Map<String, Long> byCode = new TreeMap<>();
    refused.forEach((code, count) -> byCode.put(code, count.sum()));
    return new Counts(writesFailed.sum(), byCode, closed);
  }

  static String codeOf(String errorFrame) {
    try {
      String code = new io.vertx.core.json.JsonObject(errorFrame).getString("code");
      return code == null ? "no code" : code;
    } catch (RuntimeException notJson) {
      return "unreadable";
    }
  }

  /**
   * The figures: {@code writesFailed} and {@code refused} (by error code) are measured messages
   * that never reached the system or that it turned down, so they are not counted as lost;
   * {@code socketsClosed} are the run's sockets that were closed when it ended.
   */
  public record Counts(long writesFailed, Map<String, Long> refused, long socketsClosed) {

    public static final Counts NONE = new Counts(0, Map.of(), 0);

    /** Messages of the measured window that the system never took. */
    public long notSent() {
      return writesFailed + refusedTotal();
    }

    public long refusedTotal() {
      return refused.values().stream().mapToLong(Long::longValue).sum();
    }

    public boolean any() {
      return writesFailed > 0 || socketsClosed > 0 || refusedTotal() > 0;
    }

    /** One Markdown line, e.g. "sending: 0 writes failed, 0 refused, 0 sockets closed". */
    public String markdown() {
      String codes = refused.isEmpty() ? "" : refused.entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ", " (", ")"));
      return String.format(Locale.ROOT, "sending: %d writes failed, %d refused%s, %d sockets closed%n",
          writesFailed, refusedTotal(), codes, socketsClosed);
    }
  }
}
