package chat.pusher.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The pusher's figures, per provider: {@code chat_push_deliveries_total{provider, outcome}} with
 * outcome sent, failed (an attempt that did not succeed), retried, dropped (dead-lettered) or
 * removed (dead subscription), and {@code chat_push_send_seconds{provider}}, the provider's
 * answer time; plus {@code chat_push_skipped_total{reason}} (the user was connected again, or
 * had no subscribed device).
 */
public final class PushMetrics {

  private final MeterRegistry registry;

  public PushMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void outcome(String provider, String outcome) {
    Counter.builder("chat.push.deliveries").tag("provider", provider).tag("outcome", outcome).register(registry).increment();
  }

  public void latency(String provider, Duration took) {
    Timer.builder("chat.push.send").tag("provider", provider).publishPercentiles(0.5, 0.99).register(registry).record(took);
  }

  public void skipped(String reason) {
    Counter.builder("chat.push.skipped").tag("reason", reason).register(registry).increment();
  }

  /** The value of one outcome counter (tests, logs). */
  public double count(String provider, String outcome) {
    Counter counter = registry.find("chat.push.deliveries").tag("provider", provider).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }
}
