package chat.runtime.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code /healthz} (the process is alive) and {@code /readyz} (every named check passes) for a
 * stage's router. A check is a future-returning probe of a dependency the stage needs to serve.
 */
public final class Health {

  private final Map<String, Supplier<Future<?>>> checks = new LinkedHashMap<>();

  public Health check(String name, Supplier<Future<?>> probe) {
    checks.put(name, probe);
    return this;
  }

  public void mount(Router router) {
    router.get("/healthz").handler(ctx -> ctx.json(new JsonObject().put("status", "up")));
    router.get("/readyz").handler(ctx -> {
      JsonObject body = new JsonObject();
      List<Future<?>> results = checks.entrySet().stream().map(e -> {
        Future<?> probe;
        try {
          probe = e.getValue().get();
        } catch (RuntimeException failure) {
          probe = Future.failedFuture(failure);
        }
        return probe.andThen(ar -> body.put(e.getKey(), ar.succeeded() ? "up" : "down: " + ar.cause().getMessage()));
      }).<Future<?>>map(f -> f).toList();
      Future.join(results).onComplete(ar -> ctx.response()
          .setStatusCode(ar.succeeded() ? 200 : 503)
          .putHeader("content-type", "application/json")
          .end(body.put("status", ar.succeeded() ? "ready" : "not ready").encode()));
    });
  }
}
