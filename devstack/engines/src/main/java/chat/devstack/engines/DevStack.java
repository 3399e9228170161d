package chat.devstack.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts real engines on loopback, in parallel, and stops them all on {@link #close()}.
 *
 * <p>Local runs keep their data in a folder between runs and listen on fixed ports; tests use a
 * fresh folder and random free ports. Whatever a crashed earlier run left behind is stopped
 * first (see {@link PidRegistry}).
 */
public final class DevStack implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DevStack.class);

  /** Default ports of a local run. */
  public static final Map<String, Integer> DEFAULT_PORTS = Map.of(
      "kafka", 9092, "kafka-controller", 9093, "cassandra", 9042, "cassandra-storage", 7000,
      "redis", 6379, "postgres", 5432);

  private final Path baseDir;
  private final boolean fresh;
  private final boolean randomPorts;
  private final Map<String, Integer> ports;
  private final Map<Engine, EngineInstance> running = new EnumMap<>(Engine.class);
  private final Map<Engine, CompletableFuture<EngineInstance>> starting = new EnumMap<>(Engine.class);

  private DevStack(Path baseDir, boolean fresh, boolean randomPorts, Map<String, Integer> ports) {
    this.baseDir = baseDir.toAbsolutePath();
    this.fresh = fresh;
    this.randomPorts = randomPorts;
    this.ports = ports;
  }

  /** A devstack for a local run: data kept in {@code baseDir}, fixed default ports. */
  public static DevStack local(Path baseDir) {
    return local(baseDir, DEFAULT_PORTS);
  }

  /** A devstack for a local run on the given ports (names as in {@link #DEFAULT_PORTS}; missing ones default). */
  public static DevStack local(Path baseDir, Map<String, Integer> ports) {
    Map<String, Integer> merged = new java.util.HashMap<>(DEFAULT_PORTS);
    merged.putAll(ports);
    return new DevStack(baseDir, false, false, Map.copyOf(merged));
  }

  /** A devstack for tests: a fresh folder and random free ports. */
  public static DevStack forTests(Path baseDir) {
    return new DevStack(baseDir, true, true, DEFAULT_PORTS);
  }

  /** Starts, in parallel, those of {@code engines} not already running, and waits until they are all up. */
  public DevStack start(Set<Engine> engines) {
    long started = System.nanoTime();
    Map<Engine, CompletableFuture<Endpoints>> launched = launch(engines);
    List<RuntimeException> failures = new ArrayList<>();
    launched.values().forEach(future -> {
      try {
        future.join();
      } catch (CompletionException e) {
        failures.add(e.getCause() instanceof RuntimeException r ? r : e);
      }
    });
    if (!failures.isEmpty()) {
      close();
      RuntimeException first = failures.get(0);
      failures.stream().skip(1).forEach(first::addSuppressed);
      throw first;
    }
    if (!launched.isEmpty()) {
      log.info("engines {} ready in {} ms under {}", launched.keySet(), (System.nanoTime() - started) / 1_000_000, baseDir);
    }
    return this;
  }

  /**
   * Starts, in parallel, those of {@code engines} not already running or starting, without waiting;
   * {@link #whenUp} then says when some of them are up, so that whatever needs only those can start
   * while the slower ones (Cassandra) still are starting. The answer has the engines launched by this call.
   */
  public synchronized Map<Engine, CompletableFuture<Endpoints>> launch(Set<Engine> engines) {
    PidRegistry.reapOrphans();
    Map<Engine, CompletableFuture<Endpoints>> launched = new EnumMap<>(Engine.class);
    for (Engine engine : engines) {
      if (starting.containsKey(engine)) {
        continue;
      }
      Path dir = prepare(baseDir.resolve(engine.name().toLowerCase()));
      long started = System.nanoTime();
      CompletableFuture<EngineInstance> instance = CompletableFuture.supplyAsync(() -> launch(engine, dir))
          .thenApply(up -> {
            synchronized (this) {
              running.put(engine, up);
            }
            log.info("{} up in {} ms", engine, (System.nanoTime() - started) / 1_000_000);
            return up;
          });
      starting.put(engine, instance);
      launched.put(engine, instance.thenApply(up -> endpoints()));
    }
    return launched;
  }

  /**
   * The endpoints once every one of {@code engines} (launched before by {@link #launch} or {@link #start})
   * is up; fails with the first of them that failed to start.
   */
  public synchronized CompletableFuture<Endpoints> whenUp(Set<Engine> engines) {
    CompletableFuture<?>[] needed = engines.stream().map(engine -> {
      CompletableFuture<EngineInstance> instance = starting.get(engine);
      if (instance == null) {
        throw new IllegalStateException(engine + " was not launched");
      }
      return instance;
    }).toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(needed).thenApply(all -> endpoints());
  }

  public synchronized Endpoints endpoints() {
    Endpoints.Builder builder = new Endpoints.Builder();
    running.values().forEach(engine -> engine.describe(builder));
    return builder.build();
  }

  public synchronized Set<Engine> running() {
    return running.isEmpty() ? EnumSet.noneOf(Engine.class) : EnumSet.copyOf(running.keySet());
  }

  /** Stops every engine, in parallel, those still starting once they are up. Safe to call twice. */
  @Override
  public void close() {
    List<CompletableFuture<EngineInstance>> launched;
    synchronized (this) {
      launched = List.copyOf(starting.values());
      starting.clear();
    }
    List<CompletableFuture<Void>> stops = launched.stream()
        .map(instance -> instance.handle((up, failedToStart) -> up)) // one that failed to start has nothing to stop
        .map(instance -> instance.thenAcceptAsync(up -> {
          if (up != null) {
            up.close();
          }
        }))
        .toList();
    stops.forEach(stop -> {
      try {
        stop.join();
      } catch (CompletionException e) {
        log.warn("an engine did not stop cleanly", e.getCause());
      }
    });
    synchronized (this) {
      running.clear();
    }
  }

  private EngineInstance launch(Engine engine, Path dir) {
    return switch (engine) {
      case KAFKA -> KafkaEngine.start(dir, port("kafka"), port("kafka-controller"));
      case CASSANDRA -> CassandraEngine.start(dir, port("cassandra"), port("cassandra-storage"));
      case REDIS -> RedisEngine.start(dir, port("redis"));
      case POSTGRES -> PostgresEngine.start(dir, port("postgres"), fresh);
    };
  }

  private int port(String name) {
    return randomPorts ? Ports.free() : ports.get(name);
  }

  private Path prepare(Path dir) {
    try {
      if (fresh && Files.exists(dir)) {
        try (Stream<Path> paths = Files.walk(dir)) {
          paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
