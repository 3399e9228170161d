package chat.pusher;

import chat.pusher.apns.ApnsProvider;
import chat.pusher.coalesce.PushCoalescer;
import chat.pusher.delivery.Backoff;
import chat.pusher.delivery.Dispatcher;
import chat.pusher.delivery.PushTargets;
import chat.pusher.delivery.RetryQueue;
import chat.pusher.fcm.FcmProvider;
import chat.pusher.fcm.ServiceAccount;
import chat.pusher.metrics.PushMetrics;
import chat.pusher.providers.PushProvider;
import chat.pusher.webpush.WebPushProvider;
import chat.runtime.http.Health;
import chat.runtime.http.MetricsEndpoint;
import chat.runtime.kafka.BatchConsumer;
import chat.runtime.kafka.JsonRecords;
import chat.runtime.kafka.KafkaClients;
import chat.runtime.kafka.RecordProducer;
import chat.runtime.postgres.PostgresClients;
import chat.runtime.redis.RedisClients;
import chat.schemas.Topics;
import chat.schemas.events.PushRequested;
import chat.stores.connections.Connections;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.client.WebClient;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * chat.push → coalescing windows in Redis (offsets committed once a request is recorded there) →
 * at each window's end, the {@link Dispatcher} sends through the providers that are configured;
 * a ticker also runs the retries that are due.
 */
public final class PusherVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(PusherVerticle.class);
  private static final int BATCH = 200;

  private final PusherConfig config;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private Redis redis;
  private Pool postgres;
  private RecordProducer producer;
  private BatchConsumer consumer;
  private PushMetrics metrics;
  private boolean ticking;

  public PusherVerticle(PusherConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() throws Exception {
    redis = RedisClients.commands(vertx, config.redis);
    postgres = PostgresClients.pool(vertx, config.postgres);
    producer = KafkaClients.producer(vertx, config.kafka, "pusher");
    metrics = new PushMetrics(registry);
    PushCoalescer coalescer = new PushCoalescer(redis, config.coalesceMillis);
    RetryQueue retries = new RetryQueue(redis);
    Dispatcher dispatcher = new Dispatcher(providers(), new PushTargets(postgres), new Connections(redis, 0), retries,
        producer, metrics, new Dispatcher.Settings(!"none".equals(config.preview), config.maxAttempts,
            new Backoff(config.retryBaseMillis, config.retryMaxMillis)));

    consumer = new BatchConsumer(vertx, KafkaClients.consumer(vertx, config.kafka, config.groupId, "pusher"), "pusher",
        batch -> {
          long now = System.currentTimeMillis();
          List<Future<Boolean>> added = JsonRecords.decodeAll(batch, PushRequested.class).stream()
              .map(request -> coalescer.add(request, now)).toList();
          return Future.all(added).mapEmpty();
        });
    vertx.setPeriodic(config.tickMillis, id -> tick(coalescer, retries, dispatcher));

    Router router = Router.router(vertx);
    new Health().check("redis", () -> redis.send(Request.cmd(Command.PING))).mount(router);
    MetricsEndpoint.mount(router, registry);
    return producer.warmUp(List.of(Topics.PUSH_DEAD))
        .compose(v -> consumer.start(Topics.PUSH))
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host));
  }

  /** Sends what is due: windows that ended, then retries; a tick still running is not overlapped. */
  private void tick(PushCoalescer coalescer, RetryQueue retries, Dispatcher dispatcher) {
    if (ticking) {
      return;
    }
    ticking = true;
    long now = System.currentTimeMillis();
    coalescer.claimDue(now, BATCH)
        .compose(due -> Future.join(due.stream().map(dispatcher::notify).toList()))
        .eventually(() -> retries.claimDue(now, BATCH)
            .compose(jobs -> Future.join(jobs.stream().map(dispatcher::attempt).toList())))
        .onFailure(e -> log.warn("sending due notifications failed: {}", e.toString()))
        .onComplete(ar -> ticking = false);
  }

  /** The providers whose credentials are configured; devices of another kind are skipped. */
  private Map<String, PushProvider> providers() throws Exception {
    Map<String, PushProvider> providers = new HashMap<>();
    WebClient http = WebClient.create(vertx);
    if (!config.webPush.vapidPrivateKey.isBlank()) {
      providers.put("webpush", new WebPushProvider(vertx, config.webPush));
    }
    if (!config.fcm.serviceAccountFile.isBlank()) {
      providers.put("fcm", new FcmProvider(http, config.fcm, ServiceAccount.read(Path.of(config.fcm.serviceAccountFile),
          config.fcm.tokenUri)));
    }
    if (!config.apns.keyFile.isBlank()) {
      providers.put("apns", new ApnsProvider(vertx, config.apns));
    }
    log.info("push providers configured: {}", providers.isEmpty() ? "none" : providers.keySet());
    return providers;
  }

  /** The meters, for tests and an embedding launcher. */
  public PushMetrics metrics() {
    return metrics;
  }

  @Override
  public Future<?> stop() {
    return consumer.stop().eventually(() -> Future.join(redis.close(), postgres.close(), producer.close()));
  }
}
