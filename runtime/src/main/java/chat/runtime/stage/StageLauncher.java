package chat.runtime.stage;

import chat.runtime.config.ConfigLoader;
import chat.runtime.vertx.NativeVertx;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every stage's {@code Main} does: read the typed config ({@code --config file.yaml} or
 * {@code CHAT_CONFIG}, then {@code CHAT_*} variables), deploy the stage, stop it cleanly on
 * SIGTERM, and on a startup failure print one clear line and exit 1.
 */
public final class StageLauncher {

  private static final Logger log = LoggerFactory.getLogger(StageLauncher.class);

  private StageLauncher() {}

  public static <C> void run(String stage, Class<C> configType, String[] args,
      BiFunction<Vertx, C, Future<?>> deploy) {
    C config;
    try {
      config = ConfigLoader.load(configType, configFile(args), System.getenv());
    } catch (ConfigLoader.ConfigException e) {
      System.err.println(stage + ": " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = NativeVertx.create();
    try {
      deploy.apply(vertx, config).toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      System.err.println(stage + " failed to start: " + cause.getMessage());
      log.debug("startup failure", cause);
      vertx.close();
      System.exit(1);
      return;
    }
    log.info("{} started", stage);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("{} stopping", stage);
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        log.warn("{} did not stop cleanly: {}", stage, e.toString());
      }
    }, stage + "-shutdown"));
  }

  static Path configFile(String[] args) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--config")) {
        return Path.of(args[i + 1]);
      }
    }
    String env = System.getenv("CHAT_CONFIG");
    return env == null || env.isBlank() ? null : Path.of(env);
  }
}
