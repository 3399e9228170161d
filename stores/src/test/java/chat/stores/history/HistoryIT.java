package chat.stores.history;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.Engine;
import chat.devstack.engines.TestEngines;
import chat.runtime.cassandra.CassandraClients;
import chat.runtime.config.CassandraConfig;
import chat.schemas.events.MessageSequenced;
import chat.stores.StoresFixture;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HistoryIT {

  private static Vertx vertx;
  private static CassandraClient cassandra;
  private static HistoryWriter writer;
  private static HistoryReader reader;

  @BeforeAll
  static void createSchema() throws Exception {
    CassandraConfig config = StoresFixture.cassandra(TestEngines.start(Engine.CASSANDRA));
    vertx = Vertx.vertx();
    cassandra = await(CassandraClients.connect(vertx, config));
    await(HistorySchema.ensure(cassandra, config));
    await(HistorySchema.ensure(cassandra, config)); // twice: creation is idempotent
    writer = new HistoryWriter(cassandra, config);
    reader = new HistoryReader(cassandra, config);
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  private static MessageSequenced message(long channel, long seq) {
    return new MessageSequenced(channel, seq, 7, "phone", UUID.randomUUID(), "m" + seq, 1_000 + seq, 999);
  }

  @Test
  void written_messages_are_read_back_newest_first_with_the_head() throws Exception {
    await(writer.write(List.of(message(1, 1), message(1, 2), message(1, 3))));

    assertThat(await(reader.head(1))).hasValue(3L);
    assertThat(await(reader.latest(1, 2))).extracting(StoredMessage::seq).containsExactly(3L, 2L);
    assertThat(await(reader.pageBackwards(1, 1, 10))).extracting(StoredMessage::body).containsExactly("m1");
  }

  @Test
  void a_replay_of_old_messages_neither_duplicates_rows_nor_moves_the_head_back() throws Exception {
    await(writer.write(List.of(message(2, 1), message(2, 2), message(2, 3))));

    await(writer.write(List.of(message(2, 1), message(2, 2))));

    assertThat(await(reader.head(2))).hasValue(3L);
    assertThat(await(reader.latest(2, 10))).extracting(StoredMessage::seq).containsExactly(3L, 2L, 1L);
  }

  @Test
  void a_write_of_many_channels_and_long_bodies_stores_every_row_and_every_head() throws Exception {
    List<MessageSequenced> messages = new java.util.ArrayList<>();
    for (long seq = 1; seq <= 3; seq++) {
      for (long channel = 100; channel < 130; channel++) { // 30 channels, interleaved as a log batch has them
        messages.add(new MessageSequenced(channel, seq, 7, "phone", UUID.randomUUID(), ("c" + channel + "m" + seq + " ").repeat(150),
            1_000 + seq, 999));
      }
    }

    await(writer.write(messages));

    for (long channel = 100; channel < 130; channel++) {
      assertThat(await(reader.head(channel))).as("head of %d", channel).hasValue(3L);
      assertThat(await(reader.latest(channel, 10))).extracting(StoredMessage::seq).as("rows of %d", channel)
          .containsExactly(3L, 2L, 1L);
      assertThat(await(reader.latest(channel, 1)).get(0).body()).startsWith("c" + channel + "m3 ");
    }
  }

  @Test
  void a_page_crossing_a_bucket_boundary_reads_both_buckets() throws Exception {
    long boundary = MessageBuckets.SIZE;
    await(writer.write(LongStream.rangeClosed(boundary - 2, boundary + 1).mapToObj(seq -> message(3, seq)).toList()));

    assertThat(await(reader.pageBackwards(3, boundary + 1, 4))).extracting(StoredMessage::seq)
        .containsExactly(boundary + 1, boundary, boundary - 1, boundary - 2);
  }

  @Test
  void a_channel_without_messages_has_no_head_and_an_empty_history() throws Exception {
    assertThat(await(reader.head(404))).isEmpty();
    assertThat(await(reader.latest(404, 10))).isEmpty();
  }

  @Test
  void a_page_around_a_seq_holds_it_with_its_neighbours_oldest_first() throws Exception {
    await(writer.write(LongStream.rangeClosed(1, 9).mapToObj(seq -> message(5, seq)).toList()));

    assertThat(await(reader.around(5, 5, 9, 5))).extracting(StoredMessage::seq).containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(await(reader.around(5, 1, 9, 4))).extracting(StoredMessage::seq).containsExactly(1L, 2L, 3L, 4L);
    assertThat(await(reader.around(5, 50, 9, 3))).as("past the head: the latest").extracting(StoredMessage::seq).containsExactly(8L, 9L);
  }

  @Test
  void a_forward_page_starts_after_the_cursor_crosses_buckets_and_stops_at_the_head() throws Exception {
    long boundary = MessageBuckets.SIZE;
    await(writer.write(LongStream.rangeClosed(boundary - 2, boundary + 2).mapToObj(seq -> message(4, seq)).toList()));

    assertThat(await(reader.pageForwards(4, boundary - 2, boundary + 2, 3))).extracting(StoredMessage::seq)
        .containsExactly(boundary - 1, boundary, boundary + 1);
    assertThat(await(reader.pageForwards(4, boundary, boundary + 1, 10))).extracting(StoredMessage::seq)
        .as("nothing past the given head").containsExactly(boundary + 1);
    assertThat(await(reader.pageForwards(4, boundary + 2, boundary + 2, 10))).isEmpty();
  }
}
