package chat.stores.presence;

import chat.schemas.frames.PresenceListFrame;
import chat.schemas.frames.PresenceState;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers "what is the presence of these users?" for one asking user (a group being opened):
 * their relations from PostgreSQL in one query, their states from Redis in one round trip, and
 * {@link PresenceVisibility} deciding what is shown.
 */
public final class PresenceDirectory {

  /** Most users one query may name. */
  public static final int MAX_USERS = 100;

  private final Pool postgres;
  private final PresenceStore store;

  public PresenceDirectory(Pool postgres, PresenceStore store) {
    this.postgres = postgres;
    this.store = store;
  }

  public Future<PresenceListFrame> query(long asker, List<Long> users) {
    List<Long> asked = new ArrayList<>(new LinkedHashSet<>(users));
    return relations(asker, asked).compose(relations -> store.states(relations.keySet()).map(states -> {
      List<PresenceState> shown = new ArrayList<>();
      List<Long> refused = new ArrayList<>();
      for (Long user : asked) {
        PresenceVisibility.Relation relation = relations.get(user);
        Optional<PresenceState> view = relation == null ? Optional.empty()
            : PresenceVisibility.view(user, relation, states.get(user));
        view.ifPresentOrElse(shown::add, () -> refused.add(user));
      }
      return new PresenceListFrame(shown, refused);
    }));
  }

  private Future<Map<Long, PresenceVisibility.Relation>> relations(long asker, List<Long> users) {
    return postgres.preparedQuery("""
            SELECT u.id, u.presence_invisible,
                   EXISTS (SELECT 1 FROM friendships f
                           WHERE f.user_low = LEAST($1, u.id) AND f.user_high = GREATEST($1, u.id)) AS friend,
                   EXISTS (SELECT 1 FROM channel_members a
                           JOIN channel_members b ON b.channel_id = a.channel_id AND b.user_id = u.id
                           WHERE a.user_id = $1) AS co_member,
                   EXISTS (SELECT 1 FROM blocks
                           WHERE (blocker_id = $1 AND blocked_id = u.id) OR (blocker_id = u.id AND blocked_id = $1)) AS blocked
            FROM users u WHERE u.id = ANY($2)""")
        .execute(Tuple.tuple().addLong(asker).addArrayOfLong(users.toArray(new Long[0])))
        .map(rows -> {
          Map<Long, PresenceVisibility.Relation> relations = new HashMap<>();
          for (Row row : rows) {
            long user = row.getLong("id");
            relations.put(user, new PresenceVisibility.Relation(user == asker, row.getBoolean("friend"),
                row.getBoolean("co_member"), row.getBoolean("blocked"), row.getBoolean("presence_invisible")));
          }
          return relations;
        });
  }
}
