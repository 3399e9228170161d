package chat.api.http;

import io.vertx.ext.web.RoutingContext;

/** Optional query parameters, already validated by the contract, with their defaults. */
public final class Params {

  private Params() {}

  public static long longOr(RoutingContext ctx, String name, long fallback) {
    return ctx.queryParam(name).isEmpty() ? fallback : Long.parseLong(ctx.queryParam(name).get(0));
  }

  public static int intOr(RoutingContext ctx, String name, int fallback) {
    return ctx.queryParam(name).isEmpty() ? fallback : Integer.parseInt(ctx.queryParam(name).get(0));
  }

  public static String stringOr(RoutingContext ctx, String name, String fallback) {
    return ctx.queryParam(name).isEmpty() ? fallback : ctx.queryParam(name).get(0);
  }
}
