package chat.bench.report;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * The figures of a latency run: percentiles of the recorded latencies (microseconds) and the
 * messages lost and duplicated, what kept messages from being sent at all ({@code sending}: failed
 * writes, refusals, closed sockets; such messages are not counted as lost) and how the machine's
 * CPU went meanwhile ({@code machine}); both null where unknown. Pure; renders itself as JSON and
 * as a Markdown table row.
 */
public record LatencyReport(String scenario, double offeredPerSecond, long sent, long received, long lost, long duplicated,
    long p50Micros, long p90Micros, long p99Micros, long p999Micros, long maxMicros, SendFaults.Counts sending,
    BoxCpu.Split machine) {

  public LatencyReport(String scenario, double offeredPerSecond, long sent, long received, long lost, long duplicated,
      long p50Micros, long p90Micros, long p99Micros, long p999Micros, long maxMicros) {
    this(scenario, offeredPerSecond, sent, received, lost, duplicated, p50Micros, p90Micros, p99Micros, p999Micros, maxMicros,
        null, null);
  }

  public static LatencyReport of(String scenario, double offeredPerSecond, long sent, long lost, long duplicated, Histogram micros) {
    return new LatencyReport(scenario, offeredPerSecond, sent, micros.getTotalCount(), lost, duplicated,
        micros.getValueAtPercentile(50), micros.getValueAtPercentile(90), micros.getValueAtPercentile(99),
        micros.getValueAtPercentile(99.9), micros.getMaxValue());
  }

  /** The same figures with the machine's CPU split of the measured window. */
  public LatencyReport withMachine(BoxCpu.Split split) {
    return new LatencyReport(scenario, offeredPerSecond, sent, received, lost, duplicated, p50Micros, p90Micros, p99Micros,
        p999Micros, maxMicros, sending, split);
  }

  /** The same figures with what kept messages from being sent (their count is not in {@code lost}). */
  public LatencyReport withSending(SendFaults.Counts faults) {
    return new LatencyReport(scenario, offeredPerSecond, sent, received, lost, duplicated, p50Micros, p90Micros, p99Micros,
        p999Micros, maxMicros, faults, machine);
  }

  /**
   * Expected deliveries that did not arrive, less those of messages never sent ({@code notSent}
   * messages of {@code deliveriesEach} deliveries each): what the system lost.
   */
  public static long lost(long expected, long received, long notSent, long deliveriesEach) {
    return Math.max(0, expected - received - notSent * deliveriesEach);
  }

  public JsonObject toJson() {
    return new JsonObject(chat.schemas.Json.encode(this));
  }

  public static String markdownHeader() {
    return "| scenario | offered msg/s | sent | received | lost | duplicated | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|\n";
  }

  public String markdownRow() {
    return String.format(Locale.ROOT, "| %s | %.0f | %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
        scenario, offeredPerSecond, sent, received, lost, duplicated,
        p50Micros / 1000.0, p90Micros / 1000.0, p99Micros / 1000.0, p999Micros / 1000.0, maxMicros / 1000.0);
  }
}
