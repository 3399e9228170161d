package chat.runtime.redis;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.Endpoints;
import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** runtime's {@link ReadCoalescer} against a real Redis, counting the batches it sends. */
class ReadCoalescerIT {

  private static Vertx vertx;
  private static Redis redis;

  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private Context context;
  private ReadCoalescer coalescer;

  private static CachedRead<String> get(String key) {
    return CachedRead.of(List.of(Request.cmd(Command.GET).arg(key)),
        (List<Response> replies) -> Future.succeededFuture(replies.get(0) == null ? null : replies.get(0).toString()));
  }

  @BeforeAll
  static void connect() throws Exception {
    Endpoints engines = TestEngines.start(Engine.REDIS);
    vertx = Vertx.vertx();
    redis = RedisClients.commands(vertx, EngineConfigs.redis(engines));
    List<Request> sets = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      sets.add(Request.cmd(Command.SET).arg("rc:" + i).arg("v" + i));
    }
    await(redis.batch(sets));
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @BeforeEach
  void newCoalescer() {
    context = vertx.getOrCreateContext();
    coalescer = new ReadCoalescer(context, batch -> {
      batchSizes.add(batch.size());
      batch.send(redis);
    });
  }

  /** Runs {@code reads} in one turn of the context's event loop; the futures it made. */
  private List<Future<String>> inOneTurn(int from, int count) throws Exception {
    return await(Future.<List<Future<String>>>future(made -> context.runOnContext(v ->
        made.complete(IntStream.range(from, from + count).mapToObj(i -> coalescer.add(get("rc:" + i))).toList()))));
  }

  @Test
  void reads_made_in_one_turn_of_the_event_loop_share_one_batch_and_each_gets_its_own_answer() throws Exception {
    List<Future<String>> reads = inOneTurn(0, 40);

    for (int i = 0; i < 40; i++) {
      assertThat(await(reads.get(i))).isEqualTo("v" + i);
    }
    assertThat(batchSizes).containsExactly(40);
  }

  @Test
  void reads_of_the_next_turn_go_in_the_next_batch() throws Exception {
    List<Future<String>> first = inOneTurn(0, 3);
    assertThat(await(first.get(2))).isEqualTo("v2");
    List<Future<String>> second = inOneTurn(10, 2);

    assertThat(await(second.get(1))).isEqualTo("v11");
    assertThat(batchSizes).containsExactly(3, 2);
  }

  @Test
  void a_turn_with_more_reads_than_a_batch_holds_sends_several() throws Exception {
    int reads = ReadCoalescer.MAX_READS * 2 + 10;
    List<Future<String>> answers = inOneTurn(0, reads);

    assertThat(await(answers.get(reads - 1))).isEqualTo("v" + (reads - 1));
    assertThat(await(answers.get(ReadCoalescer.MAX_READS))).isEqualTo("v" + ReadCoalescer.MAX_READS);
    assertThat(batchSizes).containsExactly(ReadCoalescer.MAX_READS, ReadCoalescer.MAX_READS, 10);
  }
}
