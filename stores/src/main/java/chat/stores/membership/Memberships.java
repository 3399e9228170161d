package chat.stores.membership;

import chat.runtime.redis.CachedRead;
import chat.stores.RedisKeys;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Channel members, read fast from a Redis set that the api keeps up to date on every change and
 * that is rebuilt from PostgreSQL ({@code channel_members}) when missing. An absent key means
 * "not cached", never "empty".
 *
 * <p>Races between a rebuild and a change are settled by a per-channel generation counter
 * ({@code members:{id}:gen}): every change bumps it, and a rebuild fills the cache only if the
 * generation it saw before reading PostgreSQL is still current and nobody filled it meanwhile.
 * So a rebuild that read PostgreSQL before a removal committed can never put the removed member
 * back, and an addition never creates a partial set when the key is missing.
 */
public final class Memberships {

  /** KEYS: set, generation. ARGV: members to add. Adds only to an existing set; bumps the generation. */
  private static final String ADD = "if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('SADD', KEYS[1], unpack(ARGV)) end"
      + " return redis.call('INCR', KEYS[2])";
  /** KEYS: set, generation. ARGV: member. */
  private static final String REMOVE = "redis.call('SREM', KEYS[1], ARGV[1]) return redis.call('INCR', KEYS[2])";
  /** KEYS: set, generation. ARGV: generation seen before the read, members. Fills only a missing set of an unchanged generation. */
  private static final String FILL = "local gen = redis.call('GET', KEYS[2]) or '0'"
      + " if gen ~= ARGV[1] or redis.call('EXISTS', KEYS[1]) == 1 then return 0 end"
      + " redis.call('SADD', KEYS[1], unpack(ARGV, 2)) return 1";

  private final Redis redis;
  private final Pool postgres;

  public Memberships(Redis redis, Pool postgres) {
    this.redis = redis;
    this.postgres = postgres;
  }

  /** Whether {@code userId} is a member of {@code channelId}; false for an unknown channel. */
  public Future<Boolean> isMember(long channelId, long userId) {
    return memberRead(channelId, userId).readFrom(redis);
  }

  /** {@link #isMember} as a read that can share a round trip with others ({@link chat.runtime.redis.ReadBatch}). */
  public CachedRead<Boolean> memberRead(long channelId, long userId) {
    String key = RedisKeys.members(channelId);
    return CachedRead.of(List.of(Request.cmd(Command.EXISTS).arg(key), Request.cmd(Command.SISMEMBER).arg(key).arg(userId)),
        replies -> replies.get(0).toInteger() == 1
            ? Future.succeededFuture(replies.get(1).toInteger() == 1)
            : membersOf(List.of(channelId)).map(members -> members.getOrDefault(channelId, Set.of()).contains(userId)));
  }

  /** Members of each channel, in one Redis round trip plus one PostgreSQL query for the misses. */
  public Future<Map<Long, Set<Long>>> membersOf(Collection<Long> channelIds) {
    List<Long> channels = new ArrayList<>(new HashSet<>(channelIds));
    List<Request> reads = channels.stream().map(c -> Request.cmd(Command.SMEMBERS).arg(RedisKeys.members(c))).toList();
    return redis.batch(reads).compose(replies -> {
      Map<Long, Set<Long>> members = new HashMap<>();
      List<Long> misses = new ArrayList<>();
      for (int i = 0; i < channels.size(); i++) {
        Set<Long> set = toLongs(replies.get(i));
        if (set.isEmpty()) {
          misses.add(channels.get(i));
        } else {
          members.put(channels.get(i), set);
        }
      }
      return misses.isEmpty() ? Future.succeededFuture(members) : rebuild(misses).map(loaded -> {
        members.putAll(loaded);
        return members;
      });
    });
  }

  /** Records new members in the cache (the api calls it after its transaction committed). */
  public Future<Void> added(long channelId, Collection<Long> userIds) {
    if (userIds.isEmpty()) {
      return Future.succeededFuture();
    }
    Request add = script(ADD, channelId);
    userIds.forEach(add::arg);
    return redis.send(add).mapEmpty();
  }

  /** Drops a member from the cache, so sends are refused at once (after the api's commit). */
  public Future<Void> removed(long channelId, long userId) {
    return redis.send(script(REMOVE, channelId).arg(userId)).mapEmpty();
  }

  private Future<Map<Long, Set<Long>>> rebuild(List<Long> channels) {
    List<Request> generations = channels.stream().map(c -> Request.cmd(Command.GET).arg(generation(c))).toList();
    return redis.batch(generations).compose(seen -> postgres
        .preparedQuery("SELECT channel_id, user_id FROM channel_members WHERE channel_id = ANY($1)")
        .execute(Tuple.of(channels.toArray(new Long[0])))
        .compose(rows -> {
          Map<Long, Set<Long>> loaded = new HashMap<>();
          for (Row row : rows) {
            loaded.computeIfAbsent(row.getLong("channel_id"), c -> new HashSet<>()).add(row.getLong("user_id"));
          }
          List<Request> fills = new ArrayList<>();
          for (int i = 0; i < channels.size(); i++) {
            Set<Long> users = loaded.get(channels.get(i));
            if (users != null) {
              fills.add(fill(channels.get(i), seen.get(i) == null ? "0" : seen.get(i).toString(), users));
            }
          }
          return fills.isEmpty() ? Future.succeededFuture(loaded) : redis.batch(fills).map(v -> loaded);
        }));
  }

  /** The cache fill of a rebuild that saw {@code generation} before it read PostgreSQL. */
  Request fill(long channelId, String generation, Set<Long> users) {
    Request fill = script(FILL, channelId).arg(generation);
    users.forEach(fill::arg);
    return fill;
  }

  private static Request script(String lua, long channelId) {
    return Request.cmd(Command.EVAL).arg(lua).arg(2).arg(RedisKeys.members(channelId)).arg(generation(channelId));
  }

  private static String generation(long channelId) {
    return RedisKeys.members(channelId) + ":gen";
  }

  private static Set<Long> toLongs(Response reply) {
    Set<Long> set = new HashSet<>();
    if (reply != null) {
      for (Response member : reply) {
        set.add(member.toLong());
      }
    }
    return set;
  }
}
