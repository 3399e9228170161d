package chat.bench.report;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Where a delivered message's latency went, split where the gateway accepted it: from its due
 * time to that moment (the load generator's send, the socket, the gateway's checks), and from
 * there to the recipient's socket (the produce to {@code chat.inbound}, the sequencer, the
 * router, Redis pub/sub, the gateway's write). The split point is the message's {@code sent_at},
 * stamped by the accepting gateway's clock, so the figures hold when the load generator runs on
 * the same machine as the gateway (or on clocks kept in step); a run elsewhere shifts one hop
 * into the other by the clocks' offset. Not thread-safe.
 */
public final class HopSplit {

  private final long anchorWallMillis;
  private final long anchorNanos;
  private final Histogram toGateway = new Histogram(600_000_000L, 3);
  private final Histogram gatewayToRecipient = new Histogram(600_000_000L, 3);

  /** Maps the generator's {@link System#nanoTime()} to its wall clock at one instant. */
  public HopSplit(long anchorWallMillis, long anchorNanos) {
    this.anchorWallMillis = anchorWallMillis;
    this.anchorNanos = anchorNanos;
  }

  /** A split anchored now. */
  public static HopSplit anchoredNow() {
    return new HopSplit(System.currentTimeMillis(), System.nanoTime());
  }

  /** Records one delivery; a message without a {@code sent_at} (negative) is skipped. */
  public void record(long dueNanos, long receivedNanos, long sentAtMillis) {
    if (sentAtMillis < 0) {
      return;
    }
    long dueMicros = anchorWallMillis * 1000 + (dueNanos - anchorNanos) / 1000;
    long receivedMicros = anchorWallMillis * 1000 + (receivedNanos - anchorNanos) / 1000;
    long acceptedMicros = sentAtMillis * 1000;
    // sent_at has millisecond resolution: a hop shorter than that may come out slightly negative
    toGateway.recordValue(Math.max(0, acceptedMicros - dueMicros));
    gatewayToRecipient.recordValue(Math.max(0, receivedMicros - acceptedMicros));
  }

  public long count() {
    return toGateway.getTotalCount();
  }

  public JsonObject toJson() {
    return new JsonObject().put("to_gateway", percentiles(toGateway)).put("gateway_to_recipient", percentiles(gatewayToRecipient));
  }

  /** A small Markdown table: one row per hop, milliseconds. */
  public String markdown() {
    return "\n| hop | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n|---|---|---|---|---|---|\n"
        + row("due → accepted", toGateway) + row("accepted → recipient", gatewayToRecipient);
  }

  private static String row(String hop, Histogram h) {
    return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %.1f | %.1f |%n", hop, h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0,
        h.getMaxValue() / 1000.0);
  }

  private static JsonObject percentiles(Histogram h) {
    return new JsonObject().put("count", h.getTotalCount()).put("p50_micros", h.getValueAtPercentile(50))
        .put("p90_micros", h.getValueAtPercentile(90)).put("p99_micros", h.getValueAtPercentile(99))
        .put("p999_micros", h.getValueAtPercentile(99.9)).put("max_micros", h.getMaxValue());
  }
}
