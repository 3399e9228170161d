package chat.devstack.launcher;

import chat.api.ApiConfig;
import chat.api.ApiStage;
import chat.api.ApiVerticle;
import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.Endpoints;
import chat.gateway.GatewayConfig;
import chat.gateway.GatewayStage;
import chat.gateway.GatewayVerticle;
import chat.persister.PersisterConfig;
import chat.persister.PersisterStage;
import chat.presence.PresenceConfig;
import chat.presence.PresenceStage;
import chat.pusher.PusherConfig;
import chat.pusher.PusherStage;
import chat.router.RouterConfig;
import chat.router.RouterStage;
import chat.runtime.config.HttpConfig;
import chat.sequencer.SequencerConfig;
import chat.sequencer.SequencerStage;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every stage deployed in one Vert.x instance against the given engines: the same stage code
 * (each stage's {@code *Stage.deploy}) that the per-stage {@code Main}s run.
 */
public final class LocalSystem {

  private static final Logger log = LoggerFactory.getLogger(LocalSystem.class);

  /** HTTP ports of the stages; 0 picks free ones. */
  public record StagePorts(int gatewayWebSocket, int gatewayHealth, int api, int sequencer, int persister, int router, int presence,
      int pusher) {
    public static final StagePorts DEFAULT = new StagePorts(8090, 8080, 8081, 8082, 8083, 8084, 8085, 8086);
    public static final StagePorts RANDOM = new StagePorts(0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** Sets up the pusher's providers (and options) beyond the defaults; by default no provider is configured. */
  public static final Consumer<PusherConfig> NO_PUSH_PROVIDERS = pusher -> {};

  /**
   * The liveness timings of gateways and presence, which must agree: clients ping every
   * {@code clientHeartbeatSeconds}; a connection (or a gateway process) silent for
   * {@code idleTimeoutSeconds} is gone; gateways heartbeat every {@code gatewayHeartbeatSeconds}.
   */
  public record Timings(int clientHeartbeatSeconds, int idleTimeoutSeconds, int gatewayHeartbeatSeconds, long graceMillis,
      long coalesceMillis) {
    /** What the stage configs default to. */
    public static final Timings DEFAULT = new Timings(10, 30, 5, 5_000, 3_000);

    void apply(GatewayConfig gateway) {
      gateway.clientHeartbeatSeconds = clientHeartbeatSeconds;
      gateway.idleTimeoutSeconds = idleTimeoutSeconds;
      gateway.heartbeatSeconds = gatewayHeartbeatSeconds;
    }

    void apply(PresenceConfig presence) {
      presence.gatewayTimeoutMillis = idleTimeoutSeconds * 1000L;
      presence.graceMillis = graceMillis;
      presence.coalesceMillis = coalesceMillis;
    }
  }

  /** Where the running system listens: the gateway's WebSocket port, its health/metrics port, the api's. */
  public record Running(int gatewayPort, int gatewayHealthPort, int apiPort) {
    public String webSocketUrl() {
      return "ws://127.0.0.1:" + gatewayPort + "/v1/ws";
    }

    public String apiUrl() {
      return "http://127.0.0.1:" + apiPort;
    }
  }

  private LocalSystem() {}

  /**
   * The engines' endpoints as the engines a stage needs are up. The all-in-one deploys each stage as
   * soon as its own engines are, so the stages that need no Cassandra start while Cassandra still is.
   */
  @FunctionalInterface
  public interface Engines {
    Future<Endpoints> whenUp(Set<Engine> needed);

    /** Engines that are all up already. */
    static Engines up(Endpoints endpoints) {
      return needed -> Future.succeededFuture(endpoints);
    }
  }

  private static final Set<Engine> KAFKA_ONLY = EnumSet.of(Engine.KAFKA);
  private static final Set<Engine> NO_CASSANDRA = EnumSet.of(Engine.KAFKA, Engine.REDIS, Engine.POSTGRES);
  private static final Set<Engine> NO_POSTGRES = EnumSet.of(Engine.KAFKA, Engine.REDIS, Engine.CASSANDRA);
  private static final Set<Engine> ALL = EnumSet.allOf(Engine.class);

  /**
   * Deploys a stage once the engines it needs are up and logs how long the stage then took to be
   * ready, so a slow start says which stage it was.
   */
  private static <T> Future<T> deployWhenUp(Engines engines, Set<Engine> needed, String stage,
      Function<Endpoints, Future<T>> deploy) {
    return engines.whenUp(needed).compose(endpoints -> {
      long start = System.nanoTime();
      return deploy.apply(endpoints)
          .onSuccess(v -> log.info("{} ready in {} ms", stage, (System.nanoTime() - start) / 1_000_000));
    });
  }

  public static Future<Running> deploy(Vertx vertx, Endpoints engines, StagePorts ports, Path stateDir, Timings timings) {
    return deploy(vertx, Engines.up(engines), ports, stateDir, timings, NO_PUSH_PROVIDERS);
  }

  public static Future<Running> deploy(Vertx vertx, Endpoints engines, StagePorts ports, Path stateDir, Timings timings,
      Consumer<PusherConfig> push) {
    return deploy(vertx, Engines.up(engines), ports, stateDir, timings, push);
  }

  /** Every stage, each as soon as the engines it needs are up. */
  public static Future<Running> deploy(Vertx vertx, Engines engines, StagePorts ports, Path stateDir, Timings timings,
      Consumer<PusherConfig> push) {
    Future<Running> edge = deployEdge(vertx, engines, ports, timings);
    return Future.all(deployPipeline(vertx, engines, ports, stateDir, timings, push), edge).map(all -> edge.result());
  }

  /** The Kafka stages: sequencer, persister, router, presence, pusher. */
  public static Future<Void> deployPipeline(Vertx vertx, Endpoints engines, StagePorts ports, Path stateDir, Timings timings,
      Consumer<PusherConfig> push) {
    return deployPipeline(vertx, Engines.up(engines), ports, stateDir, timings, push);
  }

  private static Future<Void> deployPipeline(Vertx vertx, Engines engines, StagePorts ports, Path stateDir, Timings timings,
      Consumer<PusherConfig> push) {
    return Future.all(List.of(
            deployWhenUp(engines, KAFKA_ONLY, "sequencer",
                endpoints -> SequencerStage.deploy(vertx, sequencerConfig(endpoints, ports, stateDir))),
            deployWhenUp(engines, NO_POSTGRES, "persister",
                endpoints -> PersisterStage.deploy(vertx, persisterConfig(endpoints, ports))),
            deployWhenUp(engines, ALL, "router",
                endpoints -> RouterStage.deploy(vertx, routerConfig(endpoints, ports))),
            deployWhenUp(engines, NO_CASSANDRA, "presence",
                endpoints -> PresenceStage.deploy(vertx, presenceConfig(endpoints, ports, timings))),
            deployWhenUp(engines, NO_CASSANDRA, "pusher",
                endpoints -> PusherStage.deploy(vertx, pusherConfig(endpoints, ports, push)))))
        .mapEmpty();
  }

  private static SequencerConfig sequencerConfig(Endpoints engines, StagePorts ports, Path stateDir) {
    SequencerConfig sequencer = new SequencerConfig();
    sequencer.kafka = EngineConfigs.kafka(engines);
    sequencer.http = new HttpConfig(ports.sequencer());
    sequencer.stateDir = stateDir.resolve("sequencer-state").toString();
    sequencer.instanceId = "sequencer-local";
    // one stream thread for both partitions: with 100 ms commits it keeps up at 2,000 msg/s, and a second
    // one cost the all-in-one 15–25 % more CPU and Kafka ~18 % more at 1,000 msg/s (sequencer/README.md)
    sequencer.streamThreads = 1;
    return sequencer;
  }

  private static PersisterConfig persisterConfig(Endpoints engines, StagePorts ports) {
    PersisterConfig persister = new PersisterConfig();
    persister.kafka = EngineConfigs.kafka(engines);
    persister.cassandra = EngineConfigs.cassandra(engines);
    persister.redis = EngineConfigs.redis(engines);
    persister.http = new HttpConfig(ports.persister());
    return persister;
  }

  private static RouterConfig routerConfig(Endpoints engines, StagePorts ports) {
    RouterConfig router = new RouterConfig();
    router.kafka = EngineConfigs.kafka(engines);
    router.redis = EngineConfigs.redis(engines);
    router.postgres = EngineConfigs.postgres(engines);
    router.cassandra = EngineConfigs.cassandra(engines);
    router.http = new HttpConfig(ports.router());
    return router;
  }

  private static PresenceConfig presenceConfig(Endpoints engines, StagePorts ports, Timings timings) {
    PresenceConfig presence = new PresenceConfig();
    presence.kafka = EngineConfigs.kafka(engines);
    presence.redis = EngineConfigs.redis(engines);
    presence.postgres = EngineConfigs.postgres(engines);
    presence.http = new HttpConfig(ports.presence());
    timings.apply(presence);
    return presence;
  }

  private static PusherConfig pusherConfig(Endpoints engines, StagePorts ports, Consumer<PusherConfig> push) {
    PusherConfig pusher = new PusherConfig();
    pusher.kafka = EngineConfigs.kafka(engines);
    pusher.redis = EngineConfigs.redis(engines);
    pusher.postgres = EngineConfigs.postgres(engines);
    pusher.http = new HttpConfig(ports.pusher());
    push.accept(pusher);
    return pusher;
  }

  /** A gateway of its own (a second one) on the given engines: WebSocket on {@code port}, health on a free port. */
  public static Future<GatewayVerticle> deployGateway(Vertx vertx, Endpoints engines, String gatewayId, int port,
      Timings timings) {
    return GatewayStage.deploy(vertx, gatewayConfig(engines, gatewayId, port, 0, timings));
  }

  private static GatewayConfig gatewayConfig(Endpoints engines, String gatewayId, int webSocketPort, int healthPort,
      Timings timings) {
    GatewayConfig gateway = new GatewayConfig();
    gateway.gatewayId = gatewayId;
    gateway.kafka = EngineConfigs.kafka(engines);
    gateway.redis = EngineConfigs.redis(engines);
    gateway.postgres = EngineConfigs.postgres(engines);
    gateway.cassandra = EngineConfigs.cassandra(engines);
    gateway.http = new HttpConfig(healthPort);
    gateway.websocket = new HttpConfig(webSocketPort);
    timings.apply(gateway);
    return gateway;
  }

  /** What clients talk to: the api and a gateway. */
  public static Future<Running> deployEdge(Vertx vertx, Endpoints engines, StagePorts ports, Timings timings) {
    return deployEdge(vertx, Engines.up(engines), ports, timings);
  }

  private static Future<Running> deployEdge(Vertx vertx, Engines engines, StagePorts ports, Timings timings) {
    Future<ApiVerticle> apiDeployed = deployWhenUp(engines, ALL, "api",
        endpoints -> ApiStage.deploy(vertx, apiConfig(endpoints, ports)));
    Future<GatewayVerticle> gatewayDeployed = deployWhenUp(engines, ALL, "gateway",
        endpoints -> GatewayStage.deploy(vertx,
            gatewayConfig(endpoints, "gw-local", ports.gatewayWebSocket(), ports.gatewayHealth(), timings)));
    return Future.all(apiDeployed, gatewayDeployed)
        .map(all -> new Running(gatewayDeployed.result().port(), gatewayDeployed.result().healthPort(),
            apiDeployed.result().port()));
  }

  private static ApiConfig apiConfig(Endpoints engines, StagePorts ports) {
    ApiConfig api = new ApiConfig();
    api.postgres = EngineConfigs.postgres(engines);
    api.redis = EngineConfigs.redis(engines);
    api.cassandra = EngineConfigs.cassandra(engines);
    api.kafka = EngineConfigs.kafka(engines);
    api.http = new HttpConfig(ports.api());
    api.loginAttemptsPerAddress = 10_000; // on one machine every client logs in from 127.0.0.1
    return api;
  }
}
