package chat.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The gateway's figures, scraped at {@code /metrics} (Prometheus text):
 * {@code chat_gateway_connections} (open now), {@code chat_gateway_connections_opened_total},
 * {@code chat_gateway_handshakes_timed_out_total} (connections closed before sending a whole
 * upgrade request within the deadline, so never opened),
 * {@code chat_gateway_connections_closed_total{cause}} — {@code client} (the client or the network
 * ended it), {@code idle} (no frame for the idle timeout), {@code too_slow} (its write queue was
 * full), {@code gateway_stopped} — {@code chat_gateway_frames_delivered_total} (frames written to
 * sockets from the router's batches), {@code chat_gateway_errors_total{code}} (error frames sent,
 * by stable code) and {@code chat_gateway_send_accepted_seconds} (a {@code send} frame's arrival to
 * its {@code accepted}, i.e. the checks plus Kafka's acknowledgement).
 */
public final class GatewayMetrics {

  private final MeterRegistry registry;
  private final Counter opened;
  private final Counter handshakesTimedOut;
  private final Counter delivered;
  private final Timer accepted;

  public GatewayMetrics(MeterRegistry registry, Supplier<Number> openConnections) {
    this.registry = registry;
    Gauge.builder("chat.gateway.connections", openConnections).register(registry);
    this.opened = Counter.builder("chat.gateway.connections.opened").register(registry);
    this.handshakesTimedOut = Counter.builder("chat.gateway.handshakes.timed.out").register(registry);
    this.delivered = Counter.builder("chat.gateway.frames.delivered").register(registry);
    this.accepted = Timer.builder("chat.gateway.send.accepted").publishPercentiles(0.5, 0.99).register(registry);
  }

  public void opened() {
    opened.increment();
  }

  /** A connection closed for not sending its upgrade request in time (never opened). */
  public void handshakeTimedOut() {
    handshakesTimedOut.increment();
  }

  public void closed(String cause) {
    Counter.builder("chat.gateway.connections.closed").tag("cause", cause).register(registry).increment();
  }

  public void delivered(int frames) {
    delivered.increment(frames);
  }

  public void error(String code) {
    Counter.builder("chat.gateway.errors").tag("code", code).register(registry).increment();
  }

  public void accepted(Duration sinceArrival) {
    accepted.record(sinceArrival);
  }
}
