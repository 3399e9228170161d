package chat.stores.sessions;

import chat.stores.RedisKeys;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Login sessions. PostgreSQL ({@code sessions}) is the truth; Redis {@code session:{id}} caches
 * "1" (active) or "0" (revoked) so that every request of the api and every WebSocket handshake
 * checks revocation in one round trip. A cache miss (or a lost Redis) falls back to PostgreSQL,
 * so a revoked token never works again, whatever happens to Redis.
 */
public final class Sessions {

  /** How long a lookup result is cached at most (an active session is re-read after this). */
  private static final long CACHE_SECONDS = 3600;

  private final Redis redis;
  private final Pool postgres;

  public Sessions(Redis redis, Pool postgres) {
    this.redis = redis;
    this.postgres = postgres;
  }

  /** A new session; {@code client} runs inside the caller's transaction when it is one. */
  public record Created(UUID id, OffsetDateTime expiresAt) {}

  public Future<Created> create(SqlClient client, long userId, Duration lifetime) {
    OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(lifetime);
    return client.preparedQuery("INSERT INTO sessions (user_id, expires_at) VALUES ($1, $2) RETURNING id")
        .execute(Tuple.of(userId, expiresAt))
        .map(rows -> new Created(rows.iterator().next().getUUID("id"), expiresAt));
  }

  public Future<Boolean> isActive(UUID sessionId) {
    String key = RedisKeys.session(sessionId);
    return redis.send(Request.cmd(Command.GET).arg(key))
        .map(reply -> reply == null ? null : "1".equals(reply.toString()))
        .recover(redisDown -> Future.succeededFuture(null))
        .compose(cached -> cached != null ? Future.succeededFuture(cached) : load(sessionId));
  }

  private Future<Boolean> load(UUID sessionId) {
    return postgres.preparedQuery("SELECT revoked_at IS NULL AND expires_at > now() AS active, expires_at FROM sessions WHERE id = $1")
        .execute(Tuple.of(sessionId))
        .compose(rows -> {
          Row row = rows.size() == 0 ? null : rows.iterator().next();
          boolean active = row != null && row.getBoolean("active");
          long ttl = active
              ? Math.max(1, Math.min(CACHE_SECONDS, Duration.between(OffsetDateTime.now(ZoneOffset.UTC), row.getOffsetDateTime("expires_at")).toSeconds()))
              : CACHE_SECONDS;
          return redis.send(Request.cmd(Command.SET).arg(RedisKeys.session(sessionId)).arg(active ? "1" : "0").arg("EX").arg(ttl))
              .map(active)
              .recover(redisDown -> Future.succeededFuture(active));
        });
  }

  /** Revokes one session: its token stops working at once, at the api and at the gateways. */
  public Future<Void> revoke(UUID sessionId) {
    return postgres.preparedQuery("UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(sessionId))
        .compose(done -> markRevoked(List.of(sessionId)));
  }

  /** Revokes every live session of the user but {@code keep} (after a password change). */
  public Future<Void> revokeAllBut(SqlClient client, long userId, UUID keep) {
    return client.preparedQuery("UPDATE sessions SET revoked_at = now()"
            + " WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL RETURNING id")
        .execute(Tuple.of(userId, keep))
        .compose(rows -> {
          List<UUID> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getUUID("id")));
          return markRevoked(ids);
        });
  }

  private Future<Void> markRevoked(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Request> sets = ids.stream()
        .map(id -> Request.cmd(Command.SET).arg(RedisKeys.session(id)).arg("0").arg("EX").arg(CACHE_SECONDS)).toList();
    // PostgreSQL already says revoked; if Redis is down the cached "1" could outlive the revocation,
    // so a failure here fails the call and the client retries.
    return redis.batch(sets).mapEmpty();
  }
}
