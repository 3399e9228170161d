package chat.pusher.coalesce;

import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.redis.RedisClients;
import chat.schemas.events.PushRequested;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PushCoalescerIT {

  private static final long WINDOW = 2_000;
  private static final AtomicLong USERS = new AtomicLong(7_000);
  private static Vertx vertx;
  private static PushCoalescer coalescer;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    coalescer = new PushCoalescer(RedisClients.commands(vertx, EngineConfigs.redis(TestEngines.start(Engine.REDIS))), WINDOW);
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static PushRequested request(long user, long seq) {
    return new PushRequested(user, 42, seq, 7, seq, 1_000 + seq, "message " + seq);
  }

  private static List<PushCoalescer.Pending> dueFor(long user, long nowMs) throws Exception {
    return await(coalescer.claimDue(nowMs, 1_000)).stream().filter(p -> p.userId() == user).toList();
  }

  @Test
  void a_burst_inside_the_window_becomes_one_notification_with_the_newest_message_and_badge() throws Exception {
    long user = USERS.incrementAndGet();
    for (long seq = 1; seq <= 20; seq++) {
      assertThat(await(coalescer.add(request(user, seq), 10_000 + seq))).isTrue();
    }

    // the window opened with the first request, at 10_001
    assertThat(dueFor(user, 10_001 + WINDOW - 1)).as("the window is still open").isEmpty();
    assertThat(dueFor(user, 10_001 + WINDOW)).singleElement().satisfies(p -> {
      assertThat(p.seq()).isEqualTo(20);
      assertThat(p.unread()).isEqualTo(20);
      assertThat(p.count()).isEqualTo(20);
      assertThat(p.body()).isEqualTo("message 20");
    });
    assertThat(dueFor(user, 99_000)).as("claimed once").isEmpty();
  }

  @Test
  void a_request_redelivered_after_its_notification_is_dropped() throws Exception {
    long user = USERS.incrementAndGet();
    await(coalescer.add(request(user, 1), 10_000));
    await(coalescer.add(request(user, 2), 10_001));
    assertThat(dueFor(user, 20_000)).hasSize(1);

    assertThat(await(coalescer.add(request(user, 2), 20_001))).as("redelivered").isFalse();
    assertThat(await(coalescer.add(request(user, 1), 20_002))).as("older").isFalse();
    assertThat(dueFor(user, 99_000)).isEmpty();
    assertThat(await(coalescer.add(request(user, 3), 20_003))).as("a new message opens a new window").isTrue();
  }

  @Test
  void concurrent_claimers_get_each_notification_once() throws Exception {
    long user = USERS.incrementAndGet();
    await(coalescer.add(request(user, 1), 10_000));

    List<Future<List<PushCoalescer.Pending>>> claimers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      claimers.add(coalescer.claimDue(20_000, 1_000));
    }
    await(Future.all(claimers));
    assertThat(claimers.stream().mapToLong(c -> c.result().stream().filter(p -> p.userId() == user).count()).sum())
        .isEqualTo(1);
  }
}
