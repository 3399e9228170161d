package chat.runtime.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.ext.web.Router;

/** {@code GET /metrics}: a stage's meters in the Prometheus text format, for scraping. */
public final class MetricsEndpoint {

  private MetricsEndpoint() {}

  public static void mount(Router router, PrometheusMeterRegistry registry) {
    router.get("/metrics").handler(ctx -> ctx.response().putHeader("content-type", "text/plain; version=0.0.4")
        .end(registry.scrape()));
  }
}
