package chat.devstack.launcher;

import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.Endpoints;
import chat.devstack.engines.TestEngines;
import chat.gateway.GatewayConfig;
import chat.gateway.GatewayStage;
import chat.runtime.config.HttpConfig;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Every stage on the test JVM's engines, plus a second gateway so one user's devices can sit on two. */
record TestSystem(Endpoints engines, LocalSystem.Running running, int secondGatewayPort) {

  static TestSystem start(Vertx vertx) throws Exception {
    Endpoints engines = TestEngines.all();
    LocalSystem.Running running = LocalSystem.deploy(vertx, engines, LocalSystem.StagePorts.RANDOM,
            Path.of("target", "e2e-state-" + UUID.randomUUID()))
        .toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
    GatewayConfig second = new GatewayConfig();
    second.gatewayId = "gw-second";
    second.http = new HttpConfig(0);
    second.kafka = EngineConfigs.kafka(engines);
    second.redis = EngineConfigs.redis(engines);
    second.postgres = EngineConfigs.postgres(engines);
    second.cassandra = EngineConfigs.cassandra(engines);
    int secondPort = GatewayStage.deploy(vertx, second).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS).port();
    return new TestSystem(engines, running, secondPort);
  }
}
