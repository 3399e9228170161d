package chat.runtime.http;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An RFC 9457 {@code application/problem+json} error with a stable {@code type}
 * ({@code https://chatplatform.org/problems/<code>}) that clients can switch on.
 */
public final class Problem extends RuntimeException {

  public static final String TYPE_BASE = "https://chatplatform.org/problems/";

  private static final Logger log = LoggerFactory.getLogger(Problem.class);

  private final int status;
  private final String code;
  private final long retryAfterSeconds;

  public Problem(int status, String code, String detail) {
    this(status, code, detail, 0);
  }

  private Problem(int status, String code, String detail, long retryAfterSeconds) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public static Problem conflict(String code, String detail) {
    return new Problem(409, code, detail);
  }

  /** 429 with a {@code Retry-After} header. */
  public static Problem tooManyRequests(String detail, long retryAfterSeconds) {
    return new Problem(429, "rate_limited", detail, retryAfterSeconds);
  }

  public static Problem badRequest(String code, String detail) {
    return new Problem(400, code, detail);
  }

  public static Problem unauthorized(String detail) {
    return new Problem(401, "unauthorized", detail);
  }

  public static Problem forbidden(String detail) {
    return new Problem(403, "forbidden", detail);
  }

  public static Problem notFound(String detail) {
    return new Problem(404, "not_found", detail);
  }

  public <T> Future<T> asFuture() {
    return Future.failedFuture(this);
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public JsonObject toJson() {
    return new JsonObject().put("type", TYPE_BASE + code).put("title", code.replace('_', ' '))
        .put("status", status).put("detail", getMessage());
  }

  public void send(RoutingContext ctx) {
    if (retryAfterSeconds > 0) {
      ctx.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
    }
    ctx.response().setStatusCode(status).putHeader("content-type", "application/problem+json").end(toJson().encode());
  }

  /** Router failure handler: a {@link Problem} as itself, anything else as a 500 without internals. */
  public static void handleFailure(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure instanceof Problem problem) {
      problem.send(ctx);
    } else if (failure instanceof io.vertx.core.json.DecodeException) {
      badRequest("malformed_json", "body: not valid JSON").send(ctx);
    } else if (ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
      new Problem(ctx.statusCode(), ctx.statusCode() == 413 ? "body_too_large" : "bad_request",
          failure == null ? "bad request" : failure.getMessage()).send(ctx);
    } else {
      log.error("unhandled failure on {}", ctx.request().path(), failure);
      new Problem(500, "internal", "internal error").send(ctx);
    }
  }
}
