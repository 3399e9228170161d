package chat.devstack.engines;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A single-node Cassandra 5 in a child JVM (Cassandra ships Netty 4.1, the application 4.2). */
final class CassandraEngine implements EngineInstance {

  /** Partitions an unlogged batch may cover before this node warns (Cassandra's default: 10). */
  static final int BATCH_PARTITIONS_WARN = 100;
  /** KiB of data a batch may carry before this node warns (default 5); it refuses twice as much. */
  static final int BATCH_KIB_WARN = 40;

  static final String DATACENTER = "datacenter1";

  /** The module opens of Cassandra's conf/jvm17-server.options. */
  private static final List<String> JDK17_OPENS = List.of(
      "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-exports", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
      "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
      "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
      "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
      "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
      "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.base/java.io=ALL-UNNAMED",
      "--add-opens", "java.base/java.nio=ALL-UNNAMED",
      "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens", "java.base/java.util=ALL-UNNAMED",
      "--add-opens", "java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/java.math=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens", "java.base/java.net=ALL-UNNAMED");

  private final ChildProcess process;
  private final int nativePort;

  private CassandraEngine(ChildProcess process, int nativePort) {
    this.process = process;
    this.nativePort = nativePort;
  }

  static CassandraEngine start(Path dir, int nativePort, int storagePort) {
    Ports.requireFree("Cassandra", nativePort);
    Ports.requireFree("Cassandra", storagePort);
    Path yaml = write(dir, "cassandra.yaml", yaml(dir, nativePort, storagePort));
    Path logback = write(dir, "logback.xml", LOGBACK.replace("@LOG@", dir.resolve("cassandra-system.log").toString()));
    String classpath = EngineClasspath.of("cassandra");
    String jamm = Arrays.stream(classpath.split(File.pathSeparator))
        .filter(jar -> jar.contains("jamm-")).findFirst()
        .orElseThrow(() -> new EngineStartException("Cassandra", "jamm agent jar not on its classpath"));

    List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary(),
        "-Xms512m", "-Xmx512m", "-Xss256k", "-XX:MaxGCPauseMillis=20",
        "-XX:+PerfDisableSharedMem",
        "-Djdk.attach.allowAttachSelf=true",
        "-javaagent:" + jamm,
        "-Dcassandra.config=" + yaml.toUri(),
        "-Dcassandra-foreground=yes",
        "-Dcassandra.storagedir=" + dir,
        "-Dcassandra.logdir=" + dir,
        "-Dlogback.configurationFile=" + logback,
        "-Dcassandra.skip_wait_for_gossip_to_settle=0",
        "-Dcassandra.ring_delay_ms=0",
        "-Dcassandra.superuser_setup_delay_ms=0",
        "-Dcassandra.initial_token=0",
        // the memtable's per-row overhead as Cassandra measures it on this JVM (124–125 bytes): measuring
        // it, by building 100,000 rows, took 2.6 s of every start on the main thread
        "-Dcassandra.memtable.row_overhead_size=125"));
    command.addAll(HugePageHeap.G1_OPTIONS);
    command.addAll(JDK17_OPENS);
    String fullClasspath = classpath + File.pathSeparator + EngineClasspath.self();
    command.addAll(List.of("-cp", fullClasspath,
        EngineChild.class.getName(), "main", "org.apache.cassandra.service.CassandraDaemon"));
    ChildProcess process = ChildProcess.startJvm("Cassandra", command, dir, dir.resolve("cassandra.log"),
        ClassDataArchive.of("Cassandra", fullClasspath, true));
    CassandraEngine engine = new CassandraEngine(process, nativePort);
    process.awaitReady(Duration.ofSeconds(120), engine::ready);
    BackgroundPriority.apply("Cassandra", process.pid());
    return engine;
  }

  /**
   * Sends a CQL {@code OPTIONS} request and expects {@code SUPPORTED}: Cassandra opens its native
   * port only once startup is complete, and a raw frame answers in milliseconds where a driver
   * session takes seconds to build.
   */
  private boolean ready() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", nativePort), 500);
      socket.setSoTimeout(2000);
      // protocol v4 request header: version, flags, stream id (2 bytes), opcode OPTIONS (5), body length 0
      socket.getOutputStream().write(new byte[] {0x04, 0, 0, 1, 0x05, 0, 0, 0, 0});
      byte[] header = socket.getInputStream().readNBytes(9);
      return header.length == 9 && header[4] == 0x06; // SUPPORTED
    }
  }

  @Override
  public void describe(Endpoints.Builder endpoints) {
    endpoints.cassandraHost = "127.0.0.1";
    endpoints.cassandraPort = nativePort;
    endpoints.cassandraDatacenter = DATACENTER;
  }

  @Override
  public void close() {
    process.close();
  }

  private static String yaml(Path dir, int nativePort, int storagePort) {
    return String.join("\n",
        "cluster_name: chat-devstack",
        "num_tokens: 1",
        "initial_token: 0",
        "allocate_tokens_for_local_replication_factor: 1",
        "partitioner: org.apache.cassandra.dht.Murmur3Partitioner",
        "endpoint_snitch: SimpleSnitch",
        "commitlog_sync: periodic",
        "commitlog_sync_period: 10000ms",
        "seed_provider:",
        "  - class_name: org.apache.cassandra.locator.SimpleSeedProvider",
        "    parameters:",
        "      - seeds: \"127.0.0.1:" + storagePort + "\"",
        "listen_address: 127.0.0.1",
        "rpc_address: 127.0.0.1",
        "storage_port: " + storagePort,
        "native_transport_port: " + nativePort,
        "start_native_transport: true",
        "data_file_directories:",
        "  - " + dir.resolve("data"),
        "commitlog_directory: " + dir.resolve("commitlog"),
        "hints_directory: " + dir.resolve("hints"),
        "saved_caches_directory: " + dir.resolve("saved_caches"),
        "cdc_raw_directory: " + dir.resolve("cdc_raw"),
        // memtables 4 times the size of 64 MiB: a quarter of the flushes, so one tier fewer of
        // compactions rewriting immutable message rows (bench/README.md, 2026-12-03 night)
        "memtable_heap_space: 128MiB",
        "memtable_offheap_space: 256MiB",
        "memtable_allocation_type: offheap_objects",
        // one compaction at a time, at most 2 MiB/s: the box's two cores are shared with everything
        // else. Unthrottled, a compaction took a core in bursts (~20 % of the box at 1,000 msg/s); at
        // 8 MiB/s it still took most of one for 5 s, and every message waited (p99 200–340 ms at
        // 5,000 msg/s). 2 MiB/s keeps up with the ~1.5 MiB/s that 5,000 msg/s needs
        // (bench/README.md, 2026-12-03 night)
        "concurrent_compactors: 1",
        "compaction_throughput: 2MiB/s",
        "concurrent_reads: 4",
        "concurrent_writes: 4",
        "concurrent_counter_writes: 4",
        "concurrent_materialized_view_writes: 4",
        // one node: a batch of many partitions is applied where it lands, so the persister may pack
        // 10 times the partitions and 8 times the bytes of Cassandra's default warnings into one
        // request (EngineConfigs.cassandra; bench/README.md, "fewer, larger Cassandra batches")
        "unlogged_batch_across_partitions_warn_threshold: " + BATCH_PARTITIONS_WARN,
        "batch_size_warn_threshold: " + BATCH_KIB_WARN + "KiB",
        "batch_size_fail_threshold: " + 2 * BATCH_KIB_WARN + "KiB",
        "auto_snapshot: false",
        "snapshot_on_duplicate_row_detection: false",
        "authenticator: AllowAllAuthenticator",
        "authorizer: AllowAllAuthorizer",
        "dynamic_snitch: false",
        "");
  }

  private static final String LOGBACK = """
      <configuration>
        <appender name="FILE" class="ch.qos.logback.core.FileAppender">
          <file>@LOG@</file>
          <encoder><pattern>%d %-5level [%thread] %logger{20} - %msg%n</pattern></encoder>
        </appender>
        <root level="INFO"><appender-ref ref="FILE"/></root>
      </configuration>
      """;

  private static Path write(Path dir, String name, String content) {
    try {
      Files.createDirectories(dir);
      return Files.writeString(dir.resolve(name), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
