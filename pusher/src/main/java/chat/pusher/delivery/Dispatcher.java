package chat.pusher.delivery;

import chat.pusher.coalesce.PushCoalescer;
import chat.pusher.metrics.PushMetrics;
import chat.pusher.providers.Outcome;
import chat.pusher.providers.PushProvider;
import chat.runtime.kafka.RecordProducer;
import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.PushDeadLettered;
import chat.stores.connections.Connections;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * From a due notification to the user's devices: skipped if the user has connected meanwhile,
 * else one delivery per subscribed device through its provider, and each answer acted on: sent;
 * dead subscription removed; retry scheduled with backoff (honouring Retry-After) until the last
 * attempt, then the dead-letter topic; refused for good, dead-letter topic at once.
 */
public final class Dispatcher {

  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  /** What the pusher sends, and how hard it tries. */
  public record Settings(boolean previews, int maxAttempts, Backoff backoff) {}

  private final Map<String, PushProvider> providers;
  private final PushTargets targets;
  private final Connections connections;
  private final RetryQueue retries;
  private final RecordProducer producer;
  private final PushMetrics metrics;
  private final Settings settings;

  public Dispatcher(Map<String, PushProvider> providers, PushTargets targets, Connections connections, RetryQueue retries,
      RecordProducer producer, PushMetrics metrics, Settings settings) {
    this.providers = providers;
    this.targets = targets;
    this.connections = connections;
    this.retries = retries;
    this.producer = producer;
    this.metrics = metrics;
    this.settings = settings;
  }

  public Future<Void> notify(PushCoalescer.Pending pending) {
    return connections.gatewaysOf(List.of(pending.userId())).compose(connected -> {
      if (!connected.isEmpty()) {
        metrics.skipped("connected");
        return Future.succeededFuture();
      }
      return targets.of(pending.userId(), pending.senderId()).compose(recipients -> {
        if (recipients.devices().isEmpty()) {
          metrics.skipped("no_device");
          return Future.succeededFuture();
        }
        Notification notification = new Notification(pending.userId(), pending.channelId(), pending.seq(),
            pending.senderId(), recipients.senderName(), settings.previews() ? pending.body() : null, pending.unread(),
            pending.sentAt(), pending.count());
        return Future.all(recipients.devices().stream()
                .map(device -> attempt(new DeliveryJob(UUID.randomUUID().toString(), device.deviceId(), device.kind(),
                    device.subscription().encode(), notification, 1)))
                .toList())
            .mapEmpty();
      });
    });
  }

  public Future<Void> attempt(DeliveryJob job) {
    PushProvider provider = providers.get(job.kind());
    if (provider == null) {
      metrics.skipped("provider_off");
      return Future.succeededFuture();
    }
    long started = System.nanoTime();
    JsonObject subscription = new JsonObject(job.subscription());
    return provider.send(subscription, job.notification()).compose(outcome -> {
      metrics.latency(job.kind(), java.time.Duration.ofNanos(System.nanoTime() - started));
      return act(job, subscription, outcome);
    });
  }

  private Future<Void> act(DeliveryJob job, JsonObject subscription, Outcome outcome) {
    if (outcome instanceof Outcome.Sent) {
      metrics.outcome(job.kind(), "sent");
      return Future.succeededFuture();
    }
    metrics.outcome(job.kind(), "failed");
    if (outcome instanceof Outcome.Gone gone) {
      metrics.outcome(job.kind(), "removed");
      log.info("removing the {} subscription of device {}: {}", job.kind(), job.deviceId(), gone.reason());
      return targets.removeSubscription(job.deviceId(), subscription).mapEmpty();
    }
    if (outcome instanceof Outcome.Retry retry && job.attempt() < settings.maxAttempts()) {
      metrics.outcome(job.kind(), "retried");
      long delay = settings.backoff().delayMs(job.attempt(), retry.afterMs(), ThreadLocalRandom.current()::nextDouble);
      return retries.schedule(job.nextAttempt(), System.currentTimeMillis() + delay);
    }
    String reason = outcome instanceof Outcome.Retry retry ? retry.reason() + " after " + job.attempt() + " attempts"
        : ((Outcome.Refused) outcome).reason();
    return deadLetter(job, reason);
  }

  private Future<Void> deadLetter(DeliveryJob job, String reason) {
    metrics.outcome(job.kind(), "dropped");
    Notification n = job.notification();
    PushDeadLettered dead = new PushDeadLettered(n.userId(), job.deviceId(), job.kind(), n.channelId(), n.seq(), n.badge(),
        job.attempt(), reason, System.currentTimeMillis());
    log.warn("giving up on a {} notification for device {}: {}", job.kind(), job.deviceId(), reason);
    return producer.send(Topics.PUSH_DEAD, Long.toString(n.userId()), Json.encode(dead));
  }
}
