package chat.stores.history;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.Endpoints;
import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.cassandra.CassandraClients;
import chat.runtime.config.CassandraConfig;
import chat.runtime.redis.RedisClients;
import chat.schemas.events.MessageSequenced;
import chat.stores.RedisKeys;
import chat.stores.StoresFixture;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecentMessagesIT {

  private static final int KEEP = 5;
  private static final AtomicLong CHANNELS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  private static Vertx vertx;
  private static Redis redis;
  private static HistoryWriter writer;
  private static HistoryReader reader;
  private static RecentMessages recent;
  private static BackwardPages pages;

  @BeforeAll
  static void connect() throws Exception {
    Endpoints engines = TestEngines.start(Engine.REDIS, Engine.CASSANDRA);
    CassandraConfig config = StoresFixture.cassandra(engines);
    vertx = Vertx.vertx();
    CassandraClient cassandra = await(CassandraClients.connect(vertx, config));
    await(HistorySchema.ensure(cassandra, config));
    redis = RedisClients.commands(vertx, EngineConfigs.redis(engines));
    writer = new HistoryWriter(cassandra, config);
    reader = new HistoryReader(cassandra, config);
    recent = new RecentMessages(redis, KEEP, 60);
    pages = new BackwardPages(reader, new RecentMessages(redis));
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  private static StoredMessage stored(long channel, long seq) {
    return new StoredMessage(channel, seq, 7, "phone", new UUID(channel, seq), "m" + seq, 1_000 + seq);
  }

  /** Writes messages as the persister does: history, then the cache. */
  private static List<Long> persist(long channel, long fromSeq, long toSeq) throws Exception {
    List<StoredMessage> messages = LongStream.rangeClosed(fromSeq, toSeq).mapToObj(seq -> stored(channel, seq)).toList();
    await(writer.write(messages.stream().map(m -> new MessageSequenced(m.channelId(), m.seq(), m.senderId(), m.deviceId(),
        m.clientMsgId(), m.body(), m.sentAt(), m.sentAt())).toList()));
    return await(recent.add(messages));
  }

  private static List<Long> seqs(HistoryPage page) {
    return page.messages().stream().map(MessageJson::seq).toList();
  }

  @Test
  void the_latest_page_comes_from_the_cache_and_matches_history() throws Exception {
    long channel = CHANNELS.incrementAndGet();
    persist(channel, 1, 8);

    HistoryPage cached = await(recent.backwards(channel, Long.MAX_VALUE, 3)).orElseThrow();
    assertThat(cached.head()).isEqualTo(8);
    assertThat(cached.messages()).isEqualTo(await(reader.pageBackwards(channel, 8, 3)).stream().map(MessageJson::of).toList());
    assertThat(cached.messages().get(0).frame()).isEqualTo(stored(channel, 8).frame());
    assertThat(seqs(await(pages.page(channel, 0, 3)))).containsExactly(8L, 7L, 6L);
    assertThat(seqs(await(pages.page(channel, 7, 2)))).containsExactly(6L, 5L);
  }

  @Test
  void only_the_newest_messages_are_kept_and_older_pages_come_from_history() throws Exception {
    long channel = CHANNELS.incrementAndGet();
    persist(channel, 1, 8);

    assertThat(await(redis.send(Request.cmd(Command.ZCARD).arg(RedisKeys.recentMessages(channel)))).toInteger()).isEqualTo(KEEP);
    assertThat(await(recent.backwards(channel, 3, 2))).isEmpty();
    HistoryPage older = await(pages.page(channel, 4, 10));
    assertThat(older.head()).isEqualTo(8);
    assertThat(seqs(older)).containsExactly(3L, 2L, 1L);
  }

  @Test
  void a_message_written_twice_is_cached_once() throws Exception {
    long channel = CHANNELS.incrementAndGet();
    persist(channel, 1, 3);
    persist(channel, 2, 3); // a retried batch

    assertThat(seqs(await(recent.backwards(channel, Long.MAX_VALUE, 5)).orElseThrow())).containsExactly(3L, 2L, 1L);
  }

  @Test
  void a_message_written_again_differently_replaces_the_one_at_its_seq() throws Exception {
    long channel = CHANNELS.incrementAndGet();
    persist(channel, 1, 3);
    StoredMessage edited = new StoredMessage(channel, 2, 7, "phone", new UUID(channel, 2), "m2, again", 1_002);

    await(recent.add(List.of(edited)));

    HistoryPage page = await(recent.backwards(channel, Long.MAX_VALUE, 5)).orElseThrow();
    assertThat(seqs(page)).containsExactly(3L, 2L, 1L);
    assertThat(page.messages().get(1)).isEqualTo(MessageJson.of(edited));
  }

  @Test
  void messages_of_one_channel_with_gaps_between_them_are_all_added() throws Exception {
    long channel = CHANNELS.incrementAndGet();
    persist(channel, 1, 2);

    await(recent.add(List.of(stored(channel, 6), stored(channel, 4), stored(channel, 5), stored(channel, 9))));

    List<Long> cached = new java.util.ArrayList<>();
    await(redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(RedisKeys.recentMessages(channel)).arg("-inf").arg("+inf")
        .arg("WITHSCORES"))).forEach(reply -> cached.add(reply.get(1).toLong()));
    assertThat(cached).as("the newest %d of 1, 2, 4, 5, 6, 9", KEEP).containsExactly(2L, 4L, 5L, 6L, 9L);
  }

  @Test
  void a_channel_whose_cache_expired_is_reported_cold_and_answered_from_history_until_filled() throws Exception {
    long channel = CHANNELS.incrementAndGet();
    persist(channel, 1, 4);
    await(redis.send(Request.cmd(Command.DEL).arg(RedisKeys.recentMessages(channel))));

    assertThat(persist(channel, 5, 6)).containsExactly(channel);
    assertThat(await(recent.backwards(channel, Long.MAX_VALUE, 4))).as("5 and 6 alone are not the latest 4").isEmpty();
    assertThat(seqs(await(pages.page(channel, 0, 4)))).containsExactly(6L, 5L, 4L, 3L);

    await(recent.fill(channel, await(reader.latest(channel, KEEP))));
    assertThat(seqs(await(recent.backwards(channel, Long.MAX_VALUE, 4)).orElseThrow())).containsExactly(6L, 5L, 4L, 3L);
  }

  @Test
  void a_new_channel_starting_at_seq_1_is_not_cold() throws Exception {
    assertThat(persist(CHANNELS.incrementAndGet(), 1, 2)).isEmpty();
  }

  @Test
  void a_channel_without_messages_gets_an_empty_page_with_head_0() throws Exception {
    HistoryPage page = await(pages.page(CHANNELS.incrementAndGet(), 0, 50));
    assertThat(page.head()).isZero();
    assertThat(page.messages()).isEmpty();
  }
}
