package chat.stores.blocks;

import chat.runtime.redis.CachedRead;
import chat.stores.RedisKeys;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Whether a channel is a direct channel whose two members are separated by a block (either way):
 * then nobody may send in it, though both keep reading its history. PostgreSQL is the truth;
 * Redis {@code direct-block:{channel}} caches "1" or "0". The api sets the key after each block
 * or unblock commits; a rebuild after a miss only writes if the key is still absent (SET NX), so
 * a slow rebuild can never undo what the api wrote meanwhile.
 */
public final class DirectBlocks {

  private final Redis redis;
  private final Pool postgres;

  public DirectBlocks(Redis redis, Pool postgres) {
    this.redis = redis;
    this.postgres = postgres;
  }

  public Future<Boolean> isBlocked(long channelId) {
    return blockRead(channelId).readFrom(redis);
  }

  /** {@link #isBlocked} as a read that can share a round trip with others ({@link chat.runtime.redis.ReadBatch}). */
  public CachedRead<Boolean> blockRead(long channelId) {
    String key = RedisKeys.directBlock(channelId);
    return CachedRead.of(List.of(Request.cmd(Command.GET).arg(key)), replies -> replies.get(0) != null
        ? Future.succeededFuture("1".equals(replies.get(0).toString()))
        : fromPostgres(channelId).compose(blocked ->
            redis.send(Request.cmd(Command.SET).arg(key).arg(blocked ? "1" : "0").arg("NX")).map(blocked)));
  }

  /** After a block or unblock between two users committed: the state of their direct channel, if they have one. */
  public Future<Void> refresh(long userA, long userB) {
    return postgres.preparedQuery("""
            SELECT c.id,
                   EXISTS (SELECT 1 FROM blocks WHERE (blocker_id = $1 AND blocked_id = $2)
                                                 OR (blocker_id = $2 AND blocked_id = $1)) AS blocked
            FROM channels c WHERE c.kind = 'direct' AND c.direct_low = LEAST($1, $2) AND c.direct_high = GREATEST($1, $2)""")
        .execute(Tuple.of(userA, userB))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture();
          }
          var row = rows.iterator().next();
          return redis.send(Request.cmd(Command.SET).arg(RedisKeys.directBlock(row.getLong("id")))
              .arg(row.getBoolean("blocked") ? "1" : "0")).mapEmpty();
        });
  }

  private Future<Boolean> fromPostgres(long channelId) {
    return postgres.preparedQuery("""
            SELECT EXISTS (SELECT 1 FROM channels c JOIN blocks b
                             ON (b.blocker_id = c.direct_low AND b.blocked_id = c.direct_high)
                             OR (b.blocker_id = c.direct_high AND b.blocked_id = c.direct_low)
                           WHERE c.id = $1 AND c.kind = 'direct')""")
        .execute(Tuple.of(channelId))
        .map(rows -> rows.iterator().next().getBoolean(0));
  }
}
