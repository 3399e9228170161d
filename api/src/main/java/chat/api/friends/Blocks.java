package chat.api.friends;

import chat.runtime.http.Problem;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** Whether two users are separated by a block (either way). */
public final class Blocks {

  private Blocks() {}

  /** 403 {@code blocked} when either user blocks the other. */
  public static Future<Void> requireNone(SqlClient client, long a, long b) {
    return client.preparedQuery("SELECT 1 FROM blocks WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1)")
        .execute(Tuple.of(a, b))
        .compose(rows -> rows.size() == 0 ? Future.<Void>succeededFuture()
            : new Problem(403, "blocked", "one of you blocks the other").<Void>asFuture());
  }
}
