package chat.devstack.launcher;

import chat.devstack.engines.DevStack;
import chat.devstack.engines.Endpoints;
import chat.devstack.engines.Engine;
import chat.runtime.vertx.NativeVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The all-in-one: real engines plus every stage in this JVM, until Ctrl-C.
 * Started by {@code ./run-local} at the project root.
 */
@Command(name = "run-local", mixinStandardHelpOptions = true,
    description = "Starts Kafka, Cassandra, Redis, PostgreSQL and every chat stage on this machine.")
public final class AllInOne implements Callable<Integer> {

  @Option(names = "--data-dir", defaultValue = ".devstack",
      description = "Folder of the engines' data, kept between runs (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(names = "--random-ports",
      description = "Free ports for the engines and stages, and a fresh data folder (a second copy, smoke tests).")
  boolean randomPorts;

  public static void main(String[] args) {
    System.exit(new CommandLine(new AllInOne()).execute(args));
  }

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    DevStack engines = randomPorts ? DevStack.forTests(dataDir) : DevStack.local(dataDir);
    Vertx vertx = NativeVertx.create();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("stopping…");
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("stages did not stop cleanly: " + e);
      }
      engines.close();
      stopped.countDown();
    }, "all-in-one-stop"));
    try {
      // each stage starts as soon as its own engines are up: those that need no Cassandra start while it does
      engines.launch(EnumSet.allOf(Engine.class));
      LocalSystem.Engines whenUp = needed -> Future.fromCompletionStage(engines.whenUp(needed), vertx.getOrCreateContext());
      LocalSystem.Running running = LocalSystem.deploy(vertx, whenUp,
              randomPorts ? LocalSystem.StagePorts.RANDOM : LocalSystem.StagePorts.DEFAULT, dataDir.toAbsolutePath(),
              LocalSystem.Timings.DEFAULT, LocalSystem.NO_PUSH_PROVIDERS)
          .toCompletionStage().toCompletableFuture().get(300, TimeUnit.SECONDS);
      Endpoints endpoints = engines.endpoints();
      long readyMs = (System.nanoTime() - started) / 1_000_000;
      System.out.printf("""

          chat is ready in %.1f s
            WebSocket  %s?access_token=<token>
            HTTP API   %s   (contract: /v1/openapi.yaml)
            health     http://127.0.0.1:%d/readyz and /metrics (gateway)%s
            engines    Kafka %s · Cassandra %s:%d · Redis %s · PostgreSQL %s:%d
            data       %s
          Ctrl-C stops everything.
          %n""", readyMs / 1000.0, running.webSocketUrl(), running.apiUrl(), running.gatewayHealthPort(),
          randomPorts ? "" : "; the api and the other stages: :8081 … :8086", endpoints.kafkaBootstrap(),
          endpoints.cassandraHost(), endpoints.cassandraPort(), endpoints.redisUri(), endpoints.postgresHost(),
          endpoints.postgresPort(), dataDir.toAbsolutePath());
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println("chat did not start: " + cause);
      return 1;
    }
    stopped.await();
    return 0;
  }
}
