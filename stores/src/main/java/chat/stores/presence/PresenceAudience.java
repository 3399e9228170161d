package chat.stores.presence;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is told of a user's presence changes (their friends; a block ends a friendship, so a
 * blocked user is never among them) and whether the user is in invisible mode. PostgreSQL is the
 * truth for both; one query per change.
 */
public final class PresenceAudience {

  private final Pool postgres;

  public PresenceAudience(Pool postgres) {
    this.postgres = postgres;
  }

  /** @param friends the user's friends, to be told if connected */
  public record Audience(boolean invisible, List<Long> friends) {}

  public Future<Audience> of(long userId) {
    return postgres.preparedQuery("""
            SELECT u.presence_invisible,
                   ARRAY(SELECT CASE WHEN f.user_low = $1 THEN f.user_high ELSE f.user_low END
                         FROM friendships f WHERE f.user_low = $1 OR f.user_high = $1) AS friends
            FROM users u WHERE u.id = $1""")
        .execute(Tuple.of(userId))
        .map(rows -> {
          if (rows.size() == 0) {
            return new Audience(false, List.of());
          }
          Row row = rows.iterator().next();
          List<Long> friends = new ArrayList<>();
          for (Long friend : row.getArrayOfLongs("friends")) {
            friends.add(friend);
          }
          return new Audience(row.getBoolean("presence_invisible"), friends);
        });
  }
}
