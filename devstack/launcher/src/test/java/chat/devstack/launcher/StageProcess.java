package chat.devstack.launcher;

import chat.devstack.engines.Endpoints;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * Stages run in a child JVM, so a test can kill them with SIGKILL: {@code pipeline} (sequencer,
 * persister, router, presence) or {@code gateway <id>}. Prints {@code READY <port>} once running
 * (the gateway's WebSocket port; 0 for the pipeline).
 */
public final class StageProcess {

  private StageProcess() {}

  /** {@code pipeline|gateway <endpoints json> <state dir or gateway id>}. */
  public static void main(String[] args) {
    Endpoints engines = new JsonObject(args[1]).mapTo(Endpoints.class);
    Vertx vertx = Vertx.vertx();
    var started = "gateway".equals(args[0])
        ? LocalSystem.deployGateway(vertx, engines, args[2], 0, TestSystem.FAST).map(gateway -> gateway.port())
        : LocalSystem.deployPipeline(vertx, engines, LocalSystem.StagePorts.RANDOM, Path.of(args[2]), TestSystem.FAST,
            LocalSystem.NO_PUSH_PROVIDERS).map(0);
    started
        .onSuccess(port -> System.out.println("READY " + port))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }
}
