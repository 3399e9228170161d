package chat.api.devices;

import chat.api.http.Operations;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/**
 * A user's devices: register (with an optional push subscription), list, rename or change the
 * subscription, remove. The shapes of the subscriptions (Web Push, FCM, APNs) are the contract's.
 */
public final class DeviceRoutes {

  private static final String COLUMNS = "id, name, platform, push_kind, push, created_at, updated_at";

  private final Pool postgres;
  private final int maxDevicesPerUser;

  public DeviceRoutes(Pool postgres, int maxDevicesPerUser) {
    this.postgres = postgres;
    this.maxDevicesPerUser = maxDevicesPerUser;
  }

  public void register(Operations operations) {
    operations.authenticated("registerDevice", this::create);
    operations.authenticated("listDevices", this::list);
    operations.authenticated("updateDevice", this::update);
    operations.authenticated("removeDevice", this::remove);
  }

  /** 201 the device; 409 {@code too_many_devices} past the limit (counted under a lock on the user). */
  private void create(RoutingContext ctx) {
    long me = BearerAuth.userId(ctx);
    JsonObject body = ctx.body().asJsonObject();
    JsonObject push = body.getJsonObject("push");
    postgres.withTransaction(tx -> tx.preparedQuery("SELECT 1 FROM users WHERE id = $1 FOR UPDATE").execute(Tuple.of(me))
            .compose(locked -> tx.preparedQuery("SELECT count(*) FROM devices WHERE user_id = $1").execute(Tuple.of(me)))
            .compose(count -> count.iterator().next().getLong(0) >= maxDevicesPerUser
                ? Problem.conflict("too_many_devices", "at most " + maxDevicesPerUser + " devices per account").<Row>asFuture()
                : tx.preparedQuery("INSERT INTO devices (user_id, name, platform, push_kind, push) VALUES ($1, $2, $3, $4, $5) RETURNING " + COLUMNS)
                    .execute(Tuple.of(me, body.getString("name"), body.getString("platform"), kind(push), withoutKind(push)))
                    .map(rows -> rows.iterator().next())))
        .onSuccess(row -> ctx.response().setStatusCode(201).putHeader("content-type", "application/json").end(toJson(row).encode()))
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    postgres.preparedQuery("SELECT " + COLUMNS + " FROM devices WHERE user_id = $1 ORDER BY id").execute(Tuple.of(BearerAuth.userId(ctx)))
        .onSuccess(rows -> {
          JsonArray devices = new JsonArray();
          rows.forEach(row -> devices.add(toJson(row)));
          ctx.json(new JsonObject().put("devices", devices));
        })
        .onFailure(ctx::fail);
  }

  /** Fields present are set; {@code "push": null} removes the subscription. */
  private void update(RoutingContext ctx) {
    JsonObject body = ctx.body().asJsonObject();
    JsonObject push = body.getJsonObject("push");
    postgres.preparedQuery("UPDATE devices SET"
            + " name = CASE WHEN $3 THEN $4 ELSE name END,"
            + " push_kind = CASE WHEN $5 THEN $6 ELSE push_kind END,"
            + " push = CASE WHEN $5 THEN $7::jsonb ELSE push END,"
            + " updated_at = now()"
            + " WHERE id = $1 AND user_id = $2 RETURNING " + COLUMNS)
        .execute(Tuple.of(Long.parseLong(ctx.pathParam("deviceId")), BearerAuth.userId(ctx),
            body.containsKey("name"), body.getString("name"), body.containsKey("push"), kind(push), withoutKind(push)))
        .compose(rows -> rows.size() == 0 ? Problem.notFound("no such device").<JsonObject>asFuture()
            : Future.succeededFuture(toJson(rows.iterator().next())))
        .onSuccess(ctx::json)
        .onFailure(ctx::fail);
  }

  private void remove(RoutingContext ctx) {
    postgres.preparedQuery("DELETE FROM devices WHERE id = $1 AND user_id = $2")
        .execute(Tuple.of(Long.parseLong(ctx.pathParam("deviceId")), BearerAuth.userId(ctx)))
        .compose(deleted -> deleted.rowCount() == 0 ? Problem.notFound("no such device").<Void>asFuture() : Future.<Void>succeededFuture())
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private static String kind(JsonObject push) {
    return push == null ? null : push.getString("kind");
  }

  /** The subscription as stored: its kind has a column of its own. */
  private static JsonObject withoutKind(JsonObject push) {
    if (push == null) {
      return null;
    }
    JsonObject stored = push.copy();
    stored.remove("kind");
    return stored;
  }

  private static JsonObject toJson(Row row) {
    JsonObject push = row.getJsonObject("push");
    return new JsonObject().put("device_id", row.getLong("id")).put("name", row.getString("name"))
        .put("platform", row.getString("platform"))
        .put("push", push == null ? null : push.copy().put("kind", row.getString("push_kind")))
        .put("created_at", row.getOffsetDateTime("created_at").toString())
        .put("updated_at", row.getOffsetDateTime("updated_at").toString());
  }
}
