package chat.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Latencies by the second of the run they belong to (the second a message was due), for the
 * "latency over time" chart: a stall shows as a bump at the second it happened. Not thread-safe.
 */
public final class Timeline {

  private final Map<Long, Histogram> bySecond = new TreeMap<>();

  public void record(long second, long micros) {
    bySecond.computeIfAbsent(second, s -> new Histogram(600_000_000L, 2)).recordValue(micros);
  }

  /** One second of the run: how many latencies, and their p50, p99 and max (ms). */
  public record Point(long second, long count, double p50Ms, double p99Ms, double maxMs) {}

  public List<Point> points() {
    List<Point> points = new ArrayList<>();
    bySecond.forEach((second, h) -> points.add(new Point(second, h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0)));
    return points;
  }
}
