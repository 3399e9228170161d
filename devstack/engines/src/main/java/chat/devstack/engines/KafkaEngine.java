package chat.devstack.engines;

import chat.runtime.kafka.KafkaTopics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A single-node KRaft Kafka broker+controller in a child JVM with its own classpath. */
final class KafkaEngine implements EngineInstance {

  /** Segment size of the coordinators' topics: small, so compaction keeps what they load small. */
  static final int COORDINATOR_SEGMENT_BYTES = 1024 * 1024;

  private static final Logger log = LoggerFactory.getLogger(KafkaEngine.class);

  private final ChildProcess process;
  private final int port;

  private KafkaEngine(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static KafkaEngine start(Path dir, int port, int controllerPort) {
    Ports.requireFree("Kafka", port);
    Ports.requireFree("Kafka", controllerPort);
    Path properties = writeProperties(dir, port, controllerPort);
    String classpath = EngineClasspath.of("kafka") + java.io.File.pathSeparator + EngineClasspath.self();
    // G1 on huge pages (HugePageHeap): ZGC's pauses were microseconds where G1's took 40-140 ms a
    // few times a minute, but its 4 KB pages, mapped three times, gave the host's memory monitor
    // most of its work, and its stalls cost every message more (bench/README.md, "huge pages
    // against the host's memory monitor")
    List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary(), "-Xms512m", "-Xmx512m"));
    command.addAll(HugePageHeap.G1_OPTIONS);
    command.addAll(List.of(
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
        "-Dorg.slf4j.simpleLogger.showDateTime=true",
        "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
        "-cp", classpath,
        EngineChild.class.getName(), "kafka", properties.toString(), clusterId(dir)));
    ChildProcess process = ChildProcess.startJvm("Kafka", command, dir, dir.resolve("kafka.log"),
        ClassDataArchive.of("Kafka", classpath, false));
    KafkaEngine engine = new KafkaEngine(process, port);
    process.awaitReady(Duration.ofSeconds(60), engine::ready);
    engine.shrinkCoordinatorSegments();
    return engine;
  }

  /**
   * The group and transaction coordinators read their whole topic partition before they answer
   * (a consumer group's join, a transactional producer's init). Compaction never touches a log's
   * active segment, so with Kafka's default 100 MB segments a kept folder grew to ~60 MB of
   * offset commits and transaction states per partition, and the coordinators took 13–26 s to
   * load them at start. New folders get {@link #COORDINATOR_SEGMENT_BYTES} from the broker's
   * properties; folders made before are switched here: the next write rolls the big segment and
   * the cleaner compacts it, so the start after this one reads little.
   */
  private void shrinkCoordinatorSegments() {
    try (Admin admin = admin()) {
      for (String topic : List.of("__consumer_offsets", "__transaction_state")) {
        try {
          KafkaTopics.setIfExists(admin, topic, "segment.bytes", Integer.toString(COORDINATOR_SEGMENT_BYTES));
        } catch (ExecutionException | TimeoutException e) {
          log.warn("Kafka: {} keeps its segment size: {}", topic, e.toString());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean ready() throws Exception {
    if (!Ports.listening(port)) {
      return false;
    }
    try (Admin admin = admin()) {
      return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
  }

  private String bootstrap() {
    return "127.0.0.1:" + port;
  }

  @Override
  public void describe(Endpoints.Builder endpoints) {
    endpoints.kafkaBootstrap = bootstrap();
  }

  @Override
  public void close() {
    process.close();
  }

  private static Path writeProperties(Path dir, int port, int controllerPort) {
    String props = String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"),
        "num.partitions=1",
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=8",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=8",
        "group.initial.rebalance.delay.ms=0",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "log.segment.bytes=67108864",
        "offsets.topic.segment.bytes=" + COORDINATOR_SEGMENT_BYTES,
        "transaction.state.log.segment.bytes=" + COORDINATOR_SEGMENT_BYTES,
        // compaction keeps tombstones and transaction markers this long (default a day): each of
        // the sequencer's transactions leaves a marker in the offsets topic, ~2.5 MB an hour
        "log.cleaner.delete.retention.ms=600000",
        // the cleaner's key map (default 128 MB, a quarter of this broker's heap, cleared at every clean)
        "log.cleaner.dedupe.buffer.size=" + 16 * 1024 * 1024,
        "");
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("server.properties");
      Files.writeString(file, props);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Kept in the data folder so a kept folder is formatted once and reused. */
  private static String clusterId(Path dir) {
    Path file = dir.resolve("cluster.id");
    try {
      if (Files.exists(file)) {
        return Files.readString(file).trim();
      }
      String id;
      do { // like Kafka's own Uuid.randomUuid: an id starting with '-' reads as an option on the command line
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      } while (id.startsWith("-"));
      Files.writeString(file, id);
      return id;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
