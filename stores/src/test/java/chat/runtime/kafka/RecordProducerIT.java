package chat.runtime.kafka;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.config.KafkaConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's Kafka producer against a real Kafka. It lives here because the runtime module
 * cannot start engines (the engines module depends on the runtime).
 */
class RecordProducerIT {

  private static Vertx vertx;
  private static KafkaConfig config;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    config = EngineConfigs.kafka(TestEngines.start(Engine.KAFKA));
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void a_send_from_an_event_loop_is_acknowledged_on_that_event_loop_and_lands_in_its_topic() throws Exception {
    String topic = newTopic();
    RecordProducer producer = KafkaClients.producer(vertx, config, "record-producer-it");
    await(producer.warmUp(List.of(topic), Duration.ofSeconds(30)));
    Context eventLoop = vertx.getOrCreateContext();
    CompletableFuture<Context> acknowledgedOn = new CompletableFuture<>();

    eventLoop.runOnContext(v -> producer.send(topic, "k", "v")
        .onSuccess(sent -> acknowledgedOn.complete(Vertx.currentContext()))
        .onFailure(acknowledgedOn::completeExceptionally));

    assertThat(acknowledgedOn.get(30, TimeUnit.SECONDS)).isSameAs(eventLoop);
    assertThat(endOffset(topic)).isEqualTo(1);
    await(producer.close());
  }

  @Test
  void a_send_to_a_topic_it_has_no_metadata_for_fails_at_once_instead_of_blocking_then_a_retry_goes_through() throws Exception {
    String topic = newTopic();
    RecordProducer producer = KafkaClients.producer(vertx, config, "record-producer-it-cold");
    CompletableFuture<Long> callMillis = new CompletableFuture<>();
    CompletableFuture<Future<Void>> first = new CompletableFuture<>();

    vertx.getOrCreateContext().runOnContext(v -> {
      long before = System.nanoTime();
      Future<Void> sent = producer.send(topic, "k", "first");
      callMillis.complete((System.nanoTime() - before) / 1_000_000);
      first.complete(sent);
    });

    // a producer that waited for metadata would hold the event loop for max.block.ms (60 s by default)
    assertThat(callMillis.get(30, TimeUnit.SECONDS)).isLessThan(5_000);
    Future<Void> refused = first.get(30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(30)).until(refused::isComplete);
    assertThat(refused.cause()).isInstanceOf(TimeoutException.class);
    // the refused send asked for the metadata on its way out: a retry finds it
    await().atMost(Duration.ofSeconds(30)).until(() -> attempt(producer, topic));
    await(producer.close());
  }

  @Test
  void a_warm_up_against_an_unreachable_kafka_completes_after_its_wait_and_sends_then_fail_fast() throws Exception {
    KafkaConfig nowhere = new KafkaConfig();
    nowhere.bootstrapServers = "127.0.0.1:" + unusedPort();
    RecordProducer producer = KafkaClients.producer(vertx, nowhere, "record-producer-it-nowhere");

    await(producer.warmUp(List.of("anything"), Duration.ofMillis(300)));
    Future<Void> sent = producer.send("anything", "k", "v");

    await().atMost(Duration.ofSeconds(10)).until(sent::isComplete);
    assertThat(sent.cause()).isInstanceOf(TimeoutException.class);
    await(producer.close(Duration.ZERO));
  }

  private static boolean attempt(RecordProducer producer, String topic) throws Exception {
    CompletableFuture<Boolean> ok = new CompletableFuture<>();
    vertx.getOrCreateContext().runOnContext(v -> producer.send(topic, "k", "retry").onComplete(ar -> ok.complete(ar.succeeded())));
    return ok.get(30, TimeUnit.SECONDS);
  }

  private static String newTopic() throws Exception {
    String topic = "record-producer-it-" + UUID.randomUUID();
    await(KafkaTopics.ensure(vertx, config, List.of(topic)));
    return topic;
  }

  private static long endOffset(String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers))) {
      Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, config.partitions).boxed()
          .collect(Collectors.toMap(p -> new TopicPartition(topic, p), p -> OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream().mapToLong(info -> info.offset()).sum();
    }
  }

  private static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
