package chat.gateway.presence;

import chat.gateway.sessions.Session;
import chat.runtime.kafka.RecordProducer;
import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.PresenceEvent;
import chat.stores.presence.GatewayLiveness;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the presence stage learns from this gateway: each connection opening and closing (on
 * chat.presence, keyed by user, so one user's events stay in order), and that this gateway process
 * is alive (its heartbeat in Redis; when it stops, presence ends the process's connections). The
 * process is named by the gateway id and its start time.
 */
public final class PresenceReporter {

  private static final Logger log = LoggerFactory.getLogger(PresenceReporter.class);

  private static final long MAX_RETRY_MS = 300_000;

  private final Vertx vertx;
  private final RecordProducer producer;
  private final GatewayLiveness liveness;
  private final String instance;

  public PresenceReporter(Vertx vertx, RecordProducer producer, GatewayLiveness liveness, String gatewayId,
      long startedAt) {
    this.vertx = vertx;
    this.producer = producer;
    this.liveness = liveness;
    this.instance = gatewayId + "@" + startedAt;
  }

  public void connected(Session session) {
    report(PresenceEvent.connected(session.userId(), session.deviceId(), session.connectionId(), instance,
        System.currentTimeMillis()));
  }

  /** @param reason {@code closed}, {@code idle} or {@code gateway_stopped} */
  public void disconnected(Session session, String reason) {
    report(PresenceEvent.disconnected(session.userId(), session.deviceId(), session.connectionId(), instance, reason,
        System.currentTimeMillis()));
  }

  public Future<Void> beat() {
    return liveness.beat(instance, System.currentTimeMillis());
  }

  /** After the last disconnected event was handed to Kafka: nothing of this process is left to expire. */
  public Future<Void> leave() {
    return liveness.leave(instance);
  }

  private void report(PresenceEvent event) {
    send(event, 1_000);
  }

  /**
   * The producer already retries for its delivery timeout; past that (Kafka down for minutes) the
   * event is tried again with a growing pause, so a connection's close is never simply forgotten.
   */
  private void send(PresenceEvent event, long retryMs) {
    producer.send(Topics.PRESENCE, Long.toString(event.userId()), Json.encode(event))
        .onFailure(e -> {
          if (retryMs > MAX_RETRY_MS) {
            log.error("presence event {} of user {} dropped after repeated failures: {}", event.kind(), event.userId(), e.toString());
            return;
          }
          log.warn("presence event {} of user {} not produced, retrying in {} ms: {}", event.kind(), event.userId(), retryMs,
              e.toString());
          vertx.setTimer(retryMs, id -> send(event, retryMs * 2));
        });
  }
}
