package chat.runtime.redis;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.config.RedisConfig;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's Redis client against a real Redis. It lives here because the runtime module
 * cannot start engines (the engines module depends on the runtime).
 */
class PipelinedRedisIT {

  private static Vertx vertx;
  private static RedisConfig config;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    config = EngineConfigs.redis(TestEngines.start(Engine.REDIS));
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void thousands_of_commands_at_once_share_one_connection_and_each_gets_its_own_reply() throws Exception {
    Redis redis = RedisClients.commands(vertx, config);
    List<Future<Response>> replies = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      replies.add(redis.send(Request.cmd(Command.ECHO).arg("reply-" + i)));
    }
    await(Future.all(replies));
    for (int i = 0; i < replies.size(); i++) {
      assertThat(replies.get(i).result().toString()).isEqualTo("reply-" + i);
    }

    Set<Long> connections = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      connections.add(await(redis.send(Request.cmd(Command.CLIENT).arg("ID"))).toLong());
    }
    assertThat(connections).hasSize(1);
    await(redis.close());
  }

  @Test
  void a_batch_runs_in_order_between_other_callers_commands() throws Exception {
    Redis redis = RedisClients.commands(vertx, config);
    String key = "pipelined-it:batch";
    await(redis.send(Request.cmd(Command.DEL).arg(key)));
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      all.add(redis.send(Request.cmd(Command.INCR).arg("pipelined-it:other")));
      all.add(redis.batch(List.of(Request.cmd(Command.RPUSH).arg(key).arg("a" + i), Request.cmd(Command.RPUSH).arg(key).arg("b" + i))));
    }
    await(Future.all(all));

    Response list = await(redis.send(Request.cmd(Command.LRANGE).arg(key).arg(0).arg(-1)));
    List<String> items = new ArrayList<>();
    list.forEach(item -> items.add(item.toString()));
    for (int i = 0; i < 100; i++) {
      assertThat(items.indexOf("b" + i)).isEqualTo(items.indexOf("a" + i) + 1);
    }
    await(redis.close());
  }

  @Test
  void a_connection_killed_under_it_is_replaced_by_the_next_command() throws Exception {
    Redis redis = RedisClients.commands(vertx, config);
    long first = await(redis.send(Request.cmd(Command.CLIENT).arg("ID"))).toLong();

    Redis admin = RedisClients.commands(vertx, config);
    await(admin.send(Request.cmd(Command.CLIENT).arg("KILL").arg("ID").arg(first)));

    await().atMost(Duration.ofSeconds(20)).until(() -> {
      try {
        return await(redis.send(Request.cmd(Command.CLIENT).arg("ID"))).toLong() != first;
      } catch (Exception e) {
        return false; // the commands in flight when it died fail; the next ones reconnect
      }
    });
    await(redis.close());
    await(admin.close());
  }

  @Test
  void commands_beyond_the_in_flight_limit_fail_at_once_and_the_client_keeps_working() throws Exception {
    RedisConfig small = new RedisConfig();
    small.uri = config.uri;
    small.maxInFlight = 10;
    Redis redis = RedisClients.commands(vertx, small);
    Context context = ((VertxInternal) vertx).createEventLoopContext();
    await(on(context, () -> redis.send(Request.cmd(Command.PING)))); // the connection now lives on this context

    List<Future<Response>> burst = new ArrayList<>();
    await(on(context, () -> { // all in one go on the connection's own thread: no reply can arrive in between
      for (int i = 0; i < 1_000; i++) {
        burst.add(redis.send(Request.cmd(Command.PING)));
      }
      return Future.join(burst);
    }).otherwiseEmpty());

    long failed = burst.stream().filter(Future::failed).count();
    assertThat(failed).isBetween(1L, 990L);
    assertThat(burst.stream().filter(Future::failed).map(f -> f.cause().getMessage()).distinct().toList())
        .allSatisfy(message -> assertThat(message).contains("queue is full"));
    assertThat(await(redis.send(Request.cmd(Command.PING))).toString()).isEqualTo("PONG");
    await(redis.close());
  }

  @Test
  void replies_complete_on_the_context_that_sent_the_command() throws Exception {
    Redis redis = RedisClients.commands(vertx, config);
    Context owner = ((VertxInternal) vertx).createEventLoopContext();
    Context caller = ((VertxInternal) vertx).createEventLoopContext();
    await(on(owner, () -> redis.send(Request.cmd(Command.PING)))); // the connection now lives on another context
    CompletableFuture<Boolean> sameContext = new CompletableFuture<>();
    caller.runOnContext(v -> redis.send(Request.cmd(Command.PING))
        .onComplete(ar -> sameContext.complete(Vertx.currentContext() == caller)));
    assertThat(sameContext.get()).isTrue();
    await(redis.close());
  }

  @Test
  void a_closed_client_refuses_commands_with_a_clear_error() throws Exception {
    Redis redis = RedisClients.commands(vertx, config);
    await(redis.send(Request.cmd(Command.PING)));
    await(redis.close());

    Future<Response> after = redis.send(Request.cmd(Command.PING));
    await(after.otherwiseEmpty());
    assertThat(after.failed()).isTrue();
    assertThat(after.cause()).hasMessageContaining("closed");
  }

  /** Runs {@code action} on {@code context} and hands back its future. */
  private static <T> Future<T> on(Context context, Supplier<Future<T>> action) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> action.get().onComplete(done));
    return done.future();
  }
}
