package chat.api.http;

import chat.runtime.http.Problem;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

/** Turns contract validation failures into 400 problems naming the field; the rest as {@link Problem} does. */
public final class ApiFailures {

  private ApiFailures() {}

  public static void handle(RoutingContext ctx) {
    Throwable failure = ctx.failure();
    if (failure != null && !(failure instanceof ValidatorException) && failure.getCause() instanceof ValidatorException cause) {
      failure = cause;
    }
    if (failure instanceof SchemaValidationException invalid) {
      Problem.badRequest(malformed(ctx) ? "malformed_json" : "invalid_field",
          malformed(ctx) ? "body: not valid JSON" : describe(invalid)).send(ctx);
    } else if (failure instanceof ValidatorException invalid) {
      // parameters (path, query) and a missing body: the message names the parameter
      Problem.badRequest(malformed(ctx) ? "malformed_json" : "invalid_field",
          malformed(ctx) ? "body: not valid JSON" : invalid.getMessage()).send(ctx);
    } else if (failure instanceof com.datastax.oss.driver.api.core.servererrors.InvalidQueryException missing
        && String.valueOf(missing.getMessage()).contains("does not exist")) {
      // the persister, which owns the history tables, has never started
      new Problem(503, "history_unavailable", "history is not available yet; retry shortly").send(ctx);
    } else {
      Problem.handleFailure(ctx);
    }
  }

  /** {@code "<field>: <reason>"} from the most specific error of the validation output. */
  static String describe(SchemaValidationException invalid) {
    OutputUnit unit = invalid.getOutputUnit();
    while (unit != null && unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit = unit.getErrors().get(unit.getErrors().size() - 1);
    }
    String location = unit == null || unit.getInstanceLocation() == null ? ""
        : unit.getInstanceLocation().replaceFirst("^#?/?", "").replace('/', '.');
    String reason = unit == null || unit.getError() == null ? invalid.getMessage() : unit.getError();
    return (location.isEmpty() ? "body" : location) + ": " + reason;
  }

  private static boolean malformed(RoutingContext ctx) {
    String body = ctx.body() == null ? null : ctx.body().asString();
    if (body == null || body.isBlank()) {
      return false;
    }
    try {
      new JsonObject(body);
      return false;
    } catch (DecodeException | ClassCastException e) {
      return true;
    }
  }
}
