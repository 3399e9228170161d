package chat.runtime.redis;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The log-in limiter against a real Redis (its counting is a script that runs in Redis). */
class SlidingWindowLimiterIT {

  private static Vertx vertx;
  private static Redis redis;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    redis = RedisClients.commands(vertx, EngineConfigs.redis(TestEngines.start(Engine.REDIS)));
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  @Test
  void events_beyond_the_limit_are_refused_until_the_oldest_leaves_the_window() throws Exception {
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(redis, "it-" + UUID.randomUUID(), 3, 2);
    for (int i = 0; i < 3; i++) {
      assertThat(await(limiter.check("alice")).allowed()).as("event %d", i + 1).isTrue();
    }

    SlidingWindowLimiter.Decision refused = await(limiter.check("alice"));
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfterSeconds()).isBetween(1L, 2L);
    assertThat(await(limiter.check("alice")).allowed()).as("a refused event is not counted, but the window is still full").isFalse();

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> await(limiter.check("alice")).allowed());
  }

  @Test
  void each_subject_has_its_own_count() throws Exception {
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(redis, "it-" + UUID.randomUUID(), 1, 60);

    assertThat(await(limiter.check("alice")).allowed()).isTrue();
    assertThat(await(limiter.check("alice")).allowed()).isFalse();
    assertThat(await(limiter.check("bob")).allowed()).isTrue();
  }

  @Test
  void the_count_expires_with_its_window_leaving_no_key_behind() throws Exception {
    String scope = "it-" + UUID.randomUUID();
    SlidingWindowLimiter limiter = new SlidingWindowLimiter(redis, scope, 5, 1);
    await(limiter.check("alice"));

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
        await(redis.send(Request.cmd(Command.EXISTS).arg("rl:" + scope + ":alice")))
            .toInteger() == 0);
  }
}
