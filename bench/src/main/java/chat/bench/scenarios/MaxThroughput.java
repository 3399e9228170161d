package chat.bench.scenarios;

import chat.bench.client.ChatHttp;
import chat.bench.report.LatencyReport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The highest 1:1 rate the system holds: the 1:1 latency scenario run at growing rates over the
 * same pairs (each step with its own warm-up) until a step loses or duplicates a message or its
 * p99 passes the limit. The answer is the last step that passed.
 */
public final class MaxThroughput {

  /**
   * @param startRate the first step's messages per second
   * @param factor each next step's rate is the previous one's times this (above 1)
   * @param maxRate no step goes above this
   * @param p99LimitMillis a step passes if its p99 is at most this, and nothing is lost or duplicated
   */
  public record Options(String apiUrl, int pairs, double startRate, double factor, double maxRate, Duration warmup,
      Duration stepDuration, double p99LimitMillis) {

    public Options {
      if (factor <= 1) {
        throw new IllegalArgumentException("factor must be above 1");
      }
    }
  }

  /** Every step's figures, and the best rate that passed (0 if none did). */
  public record Result(List<LatencyReport> steps, double bestRate) {}

  private final Vertx vertx;
  private final Options options;

  public MaxThroughput(Vertx vertx, Options options) {
    this.vertx = vertx;
    this.options = options;
  }

  /**
   * Whether a step's figures meet the bar: nothing lost or duplicated, every message sent (a failed
   * write or a refusal, e.g. {@code rate_limited}, means the rate was not held) and the p99.
   */
  public static boolean passes(LatencyReport report, double p99LimitMillis) {
    boolean allSent = report.sending() == null || report.sending().notSent() == 0;
    return allSent && report.lost() == 0 && report.duplicated() == 0 && report.p99Micros() <= p99LimitMillis * 1000;
  }

  public Future<Result> run() {
    // closed at the end, which also keeps it reachable until then: an unreachable Vert.x client
    // is closed at a garbage collection with its sockets (ChatHttp#close)
    ChatHttp chat = new ChatHttp(vertx, options.apiUrl());
    return OneToOneLatency.pairs(chat, options.apiUrl(), options.pairs()).compose(pairs -> step(pairs, options.startRate(),
            new ArrayList<>(), 0)
        .eventually(() -> OneToOneLatency.close(pairs)))
        .eventually(chat::close);
  }

  private Future<Result> step(List<OneToOneLatency.Pair> pairs, double rate, List<LatencyReport> steps, double best) {
    OneToOneLatency.Options step = new OneToOneLatency.Options(options.apiUrl(), pairs.size(), rate, options.warmup(),
        options.stepDuration(), Duration.ofSeconds(10));
    return new OneToOneLatency(vertx, step).measure(pairs).compose(result -> {
      LatencyReport report = result.report();
      steps.add(report);
      System.out.printf(java.util.Locale.ROOT, "%.0f msg/s: p99 %.1f ms, lost %d, duplicated %d; %s", rate,
          report.p99Micros() / 1000.0, report.lost(), report.duplicated(), report.sending().markdown());
      double next = Math.min(options.maxRate(), rate * options.factor());
      if (!passes(report, options.p99LimitMillis())) {
        return Future.succeededFuture(new Result(steps, best));
      }
      if (next <= rate) {
        return Future.succeededFuture(new Result(steps, rate));
      }
      return step(pairs, next, steps, rate);
    });
  }
}
