package chat.api.users;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** The public profile of a user, as every endpoint shows it. */
public final class Profiles {

  /** Columns of {@code users} (aliased {@code u}) a profile is made of. */
  public static final String COLUMNS = "u.id, u.username, u.display_name, u.avatar_url, u.status_text";

  private Profiles() {}

  public static JsonObject toJson(Row row) {
    return new JsonObject().put("user_id", row.getLong("id")).put("username", row.getString("username"))
        .put("display_name", row.getString("display_name")).put("avatar_url", row.getString("avatar_url"))
        .put("status_text", row.getString("status_text"));
  }

  public static JsonArray toJson(Iterable<Row> rows) {
    JsonArray list = new JsonArray();
    rows.forEach(row -> list.add(toJson(row)));
    return list;
  }
}
