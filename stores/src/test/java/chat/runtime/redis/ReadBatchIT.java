package chat.runtime.redis;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.devstack.engines.Endpoints;
import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** runtime's {@link ReadBatch} against a real Redis (the stores' reads are its users). */
class ReadBatchIT {

  private static Vertx vertx;
  private static Redis redis;

  /** Reads a string key and the length of a list key; on a missing string answers what a slow path would. */
  private record KeyAndLength(String key, String list) implements CachedRead<String> {
    @Override
    public List<Request> requests() {
      return List.of(Request.cmd(Command.GET).arg(key), Request.cmd(Command.LLEN).arg(list));
    }

    @Override
    public Future<String> answer(List<Response> replies) {
      String length = replies.get(1).toString();
      return replies.get(0) == null
          ? vertx.timer(20).map(t -> "from source, " + length) // the slow path, answering later
          : Future.succeededFuture(replies.get(0) + ", " + length);
    }
  }

  @BeforeAll
  static void connect() {
    Endpoints engines = TestEngines.start(Engine.REDIS);
    vertx = Vertx.vertx();
    redis = RedisClients.commands(vertx, EngineConfigs.redis(engines));
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void every_read_gets_the_replies_to_its_own_commands() throws Exception {
    await(redis.batch(List.of(Request.cmd(Command.SET).arg("rb:a").arg("alpha"), Request.cmd(Command.SET).arg("rb:b").arg("beta"),
        Request.cmd(Command.RPUSH).arg("rb:la").arg(1).arg(2), Request.cmd(Command.RPUSH).arg("rb:lb").arg(1))));

    ReadBatch batch = new ReadBatch();
    Future<String> a = batch.add(new KeyAndLength("rb:a", "rb:la"));
    Future<String> b = batch.add(new KeyAndLength("rb:b", "rb:lb"));
    batch.send(redis);

    assertThat(await(a)).isEqualTo("alpha, 2");
    assertThat(await(b)).isEqualTo("beta, 1");
  }

  @Test
  void a_read_that_misses_goes_to_its_source_while_the_others_answer_from_the_cache() throws Exception {
    await(redis.send(Request.cmd(Command.SET).arg("rb:hit").arg("cached")));

    ReadBatch batch = new ReadBatch();
    Future<String> missing = batch.add(new KeyAndLength("rb:never-set", "rb:no-list"));
    Future<String> hit = batch.add(new KeyAndLength("rb:hit", "rb:no-list"));
    batch.send(redis);

    assertThat(await(hit)).isEqualTo("cached, 0");
    assertThat(await(missing)).isEqualTo("from source, 0");
  }

  @Test
  void when_the_batch_fails_every_read_in_it_fails() {
    Redis closed = RedisClients.commands(vertx, EngineConfigs.redis(TestEngines.start(Engine.REDIS)));
    closed.close();

    ReadBatch batch = new ReadBatch();
    Future<String> a = batch.add(new KeyAndLength("rb:a", "rb:la"));
    Future<String> b = batch.add(new KeyAndLength("rb:b", "rb:lb"));
    batch.send(closed);

    assertThatThrownBy(() -> await(a)).isInstanceOf(ExecutionException.class).hasMessageContaining("closed");
    assertThatThrownBy(() -> await(b)).isInstanceOf(ExecutionException.class).hasMessageContaining("closed");
  }

  @Test
  void a_batch_is_sent_once_and_takes_no_reads_after() {
    ReadBatch batch = new ReadBatch();
    batch.add(new KeyAndLength("rb:a", "rb:la"));
    batch.send(redis);

    assertThatThrownBy(() -> batch.add(new KeyAndLength("rb:b", "rb:lb"))).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> batch.send(redis)).isInstanceOf(IllegalStateException.class);
  }
}
