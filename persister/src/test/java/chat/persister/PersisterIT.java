package chat.persister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.Endpoints;
import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.cassandra.CassandraClients;
import chat.runtime.config.HttpConfig;
import chat.runtime.kafka.KafkaClients;
import chat.runtime.kafka.KafkaTopics;
import chat.runtime.kafka.RecordProducer;
import chat.runtime.redis.RedisClients;
import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.MessageSequenced;
import chat.stores.history.HistoryReader;
import chat.stores.history.RecentMessages;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PersisterIT {

  private static Vertx vertx;
  private static Endpoints engines;
  private static PersisterConfig config;
  private static HistoryReader history;
  private static RecentMessages recent;
  private static RecordProducer producer;
  private static Admin admin;

  @BeforeAll
  static void startEngines() throws Exception {
    engines = TestEngines.start(Engine.KAFKA, Engine.CASSANDRA, Engine.REDIS);
    vertx = Vertx.vertx();
    config = new PersisterConfig();
    config.kafka = EngineConfigs.kafka(engines);
    config.cassandra = EngineConfigs.cassandra(engines);
    config.cassandra.keyspace = "chat_persister_test";
    config.redis = EngineConfigs.redis(engines);
    config.http = new HttpConfig(0);
    config.groupId = "persister-test-" + UUID.randomUUID();
    config.recentMessages = 10;
    config.commitIntervalMs = 200;
    CassandraClient cassandra = result(CassandraClients.connect(vertx, config.cassandra));
    history = new HistoryReader(cassandra, config.cassandra);
    recent = new RecentMessages(RedisClients.commands(vertx, config.redis));
    producer = KafkaClients.producer(vertx, config.kafka, "persister-test");
    result(KafkaTopics.ensure(vertx, config.kafka, List.of(Topics.MESSAGES))
        .compose(v -> producer.warmUp(List.of(Topics.MESSAGES), Duration.ofSeconds(30))));
    Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrapServers);
    admin = Admin.create(props);
  }

  @AfterAll
  static void close() throws Exception {
    admin.close();
    result(vertx.close());
  }

  private static <T> T result(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  private static Future<Void> publish(long channel, int count) {
    return Future.all(IntStream.rangeClosed(1, count)
        .mapToObj(seq -> new MessageSequenced(channel, seq, 7, "phone", UUID.randomUUID(), "m" + seq, 1_000L + seq, 1_000L))
        .map(m -> producer.send(Topics.MESSAGES, Long.toString(channel), Json.encode(m)))
        .toList()).mapEmpty();
  }

  /** Whether the group's committed offsets have reached the end of every partition of chat.messages. */
  private static boolean committedToTheEnd() throws Exception {
    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(config.groupId)
        .partitionsToOffsetAndMetadata().get();
    Set<TopicPartition> partitions = admin.describeTopics(Set.of(Topics.MESSAGES)).allTopicNames().get().get(Topics.MESSAGES)
        .partitions().stream().map(p -> new TopicPartition(Topics.MESSAGES, p.partition())).collect(Collectors.toSet());
    Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
        .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() == e.getValue()));
  }

  @Test
  void messages_reach_history_and_the_recent_cache_and_their_offsets_are_committed_in_the_interval_and_at_stop()
      throws Exception {
    long channel = System.nanoTime() % 1_000_000_000L;
    String deployment = result(PersisterStage.deploy(vertx, config));

    result(publish(channel, 30));
    await().atMost(Duration.ofSeconds(30)).until(() -> result(history.head(channel)).orElse(0L) == 30);
    assertThat(result(history.latest(channel, 30))).hasSize(30);
    // the cache is written after history (PersisterVerticle.persist): wait for it, then check it
    await().atMost(Duration.ofSeconds(10)).until(() -> result(recent.backwards(channel, Long.MAX_VALUE, 10)).isPresent());
    assertThat(result(recent.backwards(channel, Long.MAX_VALUE, 10)).orElseThrow().head()).isEqualTo(30);
    await().atMost(Duration.ofSeconds(10)).until(PersisterIT::committedToTheEnd);

    result(vertx.undeploy(deployment));

    config.commitIntervalMs = 600_000; // no periodic commit during the rest of the test: only the one at stop
    String again = result(PersisterStage.deploy(vertx, config));
    result(publish(channel + 1, 5));
    await().atMost(Duration.ofSeconds(30)).until(() -> result(history.head(channel + 1)).orElse(0L) == 5);
    assertThat(committedToTheEnd()).as("not committed while running").isFalse();
    result(vertx.undeploy(again));
    assertThat(committedToTheEnd()).as("what succeeded is committed when the stage stops").isTrue();
  }
}
