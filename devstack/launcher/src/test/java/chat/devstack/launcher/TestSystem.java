package chat.devstack.launcher;

import chat.devstack.engines.Endpoints;
import chat.devstack.engines.TestEngines;
import chat.pusher.PusherConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Every stage on the test JVM's engines, plus a second gateway so one user's devices can sit on two. */
record TestSystem(Endpoints engines, LocalSystem.Running running, int secondGatewayPort) {

  /**
   * Short liveness timings so that presence tests do not wait half a minute: ping every 1 s, a
   * connection or gateway silent for 5 s is gone, 1.5 s of grace, 1 s coalescing window.
   */
  static final LocalSystem.Timings FAST = new LocalSystem.Timings(1, 5, 1, 1_500, 1_000);

  static TestSystem start(Vertx vertx) throws Exception {
    return start(vertx, LocalSystem.NO_PUSH_PROVIDERS);
  }

  /** With the pusher's providers set up by {@code push} (e.g. against a push sandbox). */
  static TestSystem start(Vertx vertx, Consumer<PusherConfig> push) throws Exception {
    Endpoints engines = TestEngines.all();
    LocalSystem.Running running = LocalSystem.deploy(vertx, engines, LocalSystem.StagePorts.RANDOM,
            Path.of("target", "e2e-state-" + UUID.randomUUID()), FAST, push)
        .toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
    int secondPort = LocalSystem.deployGateway(vertx, engines, "gw-second", 0, FAST)
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS).port();
    return new TestSystem(engines, running, secondPort);
  }
}
