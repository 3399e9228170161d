package chat.stores.history;

import chat.runtime.redis.RedisScript;
import chat.stores.RedisKeys;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The newest messages of each active channel, in Redis: a sorted set {@code recent-frames:{channel}}
 * scored by seq, each member the message as clients read it ({@link MessageJson}), so the page a
 * client opens a channel with is one Redis read instead of two Cassandra queries, and is passed on
 * without being decoded. Only the persister writes it, always after the same messages are in
 * Cassandra, so the cache never holds what history does not; it keeps the newest {@code keep}
 * messages and expires when the channel is quiet for {@code ttlSeconds}.
 */
public final class RecentMessages {

  /**
   * KEYS: the set. ARGV: highest seq wanted, limit. Returns {top seq or 0, members at or below with
   * their seqs: member, seq, member, seq, …, newest first}.
   */
  private static final RedisScript PAGE = new RedisScript("local top = redis.call('ZREVRANGE', KEYS[1], 0, 0, 'WITHSCORES')"
      + " local page = redis.call('ZREVRANGEBYSCORE', KEYS[1], ARGV[1], '-inf', 'WITHSCORES', 'LIMIT', 0, ARGV[2])"
      + " return {top[2] or '0', page}");

  private final Redis redis;
  private final int keep;
  private final int ttlSeconds;

  /** For reading only (the api, the gateways): {@link #add} and {@link #fill} are the persister's. */
  public RecentMessages(Redis redis) {
    this.redis = redis;
    this.keep = 0;
    this.ttlSeconds = 0;
  }

  /** For the persister: keeps the newest {@code keep} messages of a channel, for {@code ttlSeconds} after the last. */
  public RecentMessages(Redis redis, int keep, int ttlSeconds) {
    if (keep < 1 || ttlSeconds < 1) {
      throw new IllegalArgumentException("recentMessages and recentTtlSeconds must be at least 1");
    }
    this.redis = redis;
    this.keep = keep;
    this.ttlSeconds = ttlSeconds;
  }

  /**
   * Adds messages (in one round trip, one transaction per channel) and answers the channels whose
   * cache had expired or never existed while the messages start past seq 1: their older messages
   * are missing from the cache, so the caller fills it from history ({@link #fill}).
   */
  public Future<List<Long>> add(List<StoredMessage> messages) {
    Map<Long, List<StoredMessage>> byChannel = new LinkedHashMap<>();
    messages.forEach(m -> byChannel.computeIfAbsent(m.channelId(), c -> new ArrayList<>()).add(m));
    if (byChannel.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<Long> channels = new ArrayList<>(byChannel.keySet());
    List<Request> commands = new ArrayList<>();
    List<Integer> execs = new ArrayList<>();
    for (long channel : channels) {
      commands.addAll(addTransaction(channel, byChannel.get(channel)));
      execs.add(commands.size() - 1);
    }
    return redis.batch(commands).map(replies -> {
      List<Long> cold = new ArrayList<>();
      for (int i = 0; i < channels.size(); i++) {
        boolean existed = replies.get(execs.get(i)).get(0).toInteger() == 1;
        long lowest = byChannel.get(channels.get(i)).stream().mapToLong(StoredMessage::seq).min().orElse(1);
        if (!existed && lowest > 1) {
          cold.add(channels.get(i));
        }
      }
      return cold;
    });
  }

  /** Puts a channel's newest messages (read from history) into its cache; idempotent like {@link #add}. */
  public Future<Void> fill(long channelId, List<StoredMessage> newest) {
    return newest.isEmpty() ? Future.succeededFuture() : redis.batch(addTransaction(channelId, newest)).mapEmpty();
  }

  /**
   * One channel's messages added atomically: whether the set existed (the first reply inside
   * {@code EXEC}'s), any member already at one of their seqs removed (a message written again
   * replaces itself), the messages added, the set trimmed to the newest {@code keep} and its expiry
   * renewed. Plain commands in {@code MULTI}/{@code EXEC} rather than a Lua script: the script
   * cost Redis ~45 µs a call at 3,500 msg/s, half of it the interpreter's (bench/README.md).
   */
  private List<Request> addTransaction(long channelId, List<StoredMessage> messages) {
    if (keep == 0) {
      throw new IllegalStateException("this RecentMessages is for reading");
    }
    String key = RedisKeys.recentMessages(channelId);
    Map<Long, StoredMessage> bySeq = new TreeMap<>(); // a seq given twice: the last one wins
    messages.forEach(m -> bySeq.put(m.seq(), m));
    List<Request> commands = new ArrayList<>();
    commands.add(Request.cmd(Command.MULTI));
    commands.add(Request.cmd(Command.EXISTS).arg(key));
    for (SeqRuns.Run run : SeqRuns.of(bySeq.keySet())) {
      commands.add(Request.cmd(Command.ZREMRANGEBYSCORE).arg(key).arg(run.from()).arg(run.to()));
    }
    Request add = Request.cmd(Command.ZADD).arg(key);
    bySeq.forEach((seq, message) -> add.arg(seq).arg(MessageJson.of(message).json()));
    commands.add(add);
    commands.add(Request.cmd(Command.ZREMRANGEBYRANK).arg(key).arg(0).arg(-(keep + 1)));
    commands.add(Request.cmd(Command.EXPIRE).arg(key).arg(ttlSeconds));
    commands.add(Request.cmd(Command.EXEC));
    return commands;
  }

  /**
   * Up to {@code limit} messages with {@code seq <= fromSeq}, newest first, if the cache holds
   * exactly those ({@link RecentWindow}); empty when history must be read instead. The latest page
   * ({@code fromSeq} = {@link Long#MAX_VALUE}, the read that opens a channel) is a plain
   * {@code ZREVRANGE}, its first seq the top: a script returning the same members cost Redis
   * about twice the time, converting each to Lua and back.
   */
  public Future<Optional<HistoryPage>> backwards(long channelId, long fromSeq, int limit) {
    String key = RedisKeys.recentMessages(channelId);
    boolean latest = fromSeq == Long.MAX_VALUE;
    Request read = latest ? Request.cmd(Command.ZREVRANGE).arg(key).arg(0).arg(limit - 1).arg("WITHSCORES")
        : PAGE.call(List.of(key), fromSeq, limit);
    return redis.send(read).map(reply -> {
      List<MessageJson> page = withSeqs(latest ? reply : reply.get(1));
      long top = latest ? (page.isEmpty() ? 0 : page.get(0).seq()) : reply.get(0).toLong();
      List<Long> seqs = page.stream().map(MessageJson::seq).toList();
      return RecentWindow.covers(top, fromSeq, limit, seqs) ? Optional.of(new HistoryPage(top, page)) : Optional.empty();
    });
  }

  /**
   * The members of a {@code WITHSCORES} reply with their seqs: a flat member, score, … list (RESP2,
   * and every script's reply) or a list of member/score pairs (RESP3).
   */
  private static List<MessageJson> withSeqs(Response reply) {
    List<MessageJson> page = new ArrayList<>(reply.size());
    boolean pairs = reply.size() > 0 && reply.get(0).type() == ResponseType.MULTI;
    for (int i = 0; i < reply.size(); i += pairs ? 1 : 2) {
      Response member = pairs ? reply.get(i).get(0) : reply.get(i);
      Response score = pairs ? reply.get(i).get(1) : reply.get(i + 1);
      page.add(new MessageJson(score.toLong(), member.toBuffer()));
    }
    return page;
  }
}
