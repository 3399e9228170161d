package chat.api.channels;

import chat.runtime.http.Problem;
import io.vertx.core.Future;
import io.vertx.pgclient.PgException;

/** PostgreSQL constraint violations as problems. */
final class PgErrors {

  private PgErrors() {}

  static <T> Future<T> asProblem(Throwable error) {
    if (error instanceof PgException pg) {
      if ("23514".equals(pg.getSqlState()) && String.valueOf(pg.getConstraint()).equals("channels_member_cap")) {
        return Problem.conflict("group_full", "members: a group has at most 100 members").asFuture();
      }
      if ("23503".equals(pg.getSqlState())) {
        return Problem.notFound("members: unknown user id").asFuture();
      }
    }
    return Future.failedFuture(error);
  }
}
