package chat.devstack.launcher;

import chat.devstack.engines.Endpoints;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link StageCrashIT}: the sequencer, persister and router against the
 * given engines, until the JVM is killed. Prints {@code PIPELINE READY} once they run.
 */
public final class PipelineProcess {

  private PipelineProcess() {}

  public static void main(String[] args) {
    Endpoints engines = new JsonObject(args[0]).mapTo(Endpoints.class);
    Vertx vertx = Vertx.vertx();
    LocalSystem.deployPipeline(vertx, engines, LocalSystem.StagePorts.RANDOM, Path.of(args[1]))
        .onSuccess(v -> System.out.println("PIPELINE READY"))
        .onFailure(e -> {
          e.printStackTrace();
          System.exit(1);
        });
  }
}
