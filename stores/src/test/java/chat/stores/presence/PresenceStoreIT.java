package chat.stores.presence;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.redis.RedisClients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PresenceStoreIT {

  private static final AtomicLong USERS = new AtomicLong(1_000);
  private static final long GRACE = 5_000;
  private static final long WINDOW = 2_000;
  private static Vertx vertx;
  private static Redis redis;
  private static PresenceStore store;

  @BeforeAll
  static void connect() {
    vertx = Vertx.vertx();
    redis = RedisClients.commands(vertx, EngineConfigs.redis(TestEngines.start(Engine.REDIS)));
    store = new PresenceStore(redis);
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void a_user_is_online_while_any_connection_is_open_and_offline_only_after_the_grace_period() throws Exception {
    long user = USERS.incrementAndGet();
    assertThat(await(store.connected(user, "c1", "gw-a", "phone", 1_000))).as("first connection").isTrue();
    assertThat(await(store.connected(user, "c2", "gw-b", "laptop", 1_100))).as("second connection").isFalse();

    assertThat(await(store.disconnected(user, "c1", "gw-a", "phone", 2_000, 2_000 + GRACE))).as("one still open").isFalse();
    assertThat(await(store.disconnected(user, "c2", "gw-b", "laptop", 3_000, 3_000 + GRACE))).as("last one").isTrue();

    assertThat(await(store.dueOffline(3_000 + GRACE - 1, 100))).doesNotContain(user);
    assertThat(await(store.settle(user, 3_000 + GRACE - 1))).as("grace not over").isFalse();
    assertThat(await(store.dueOffline(3_000 + GRACE, 100))).contains(user);
    assertThat(await(store.settle(user, 3_000 + GRACE))).as("grace over").isTrue();
    assertThat(await(store.settle(user, 3_000 + GRACE))).as("only once").isFalse();

    assertThat(await(store.states(List.of(user)))).isEqualTo(Map.of(user, new PresenceStore.State("offline", 3_000)));
  }

  @Test
  void a_reconnect_inside_the_grace_period_is_no_transition_at_all() throws Exception {
    long user = USERS.incrementAndGet();
    await(store.connected(user, "c1", "gw-a", "phone", 1_000));
    assertThat(await(store.disconnected(user, "c1", "gw-a", "phone", 2_000, 2_000 + GRACE))).isTrue();

    assertThat(await(store.connected(user, "c2", "gw-a", "phone", 3_000))).as("still online: no transition").isFalse();
    assertThat(await(store.settle(user, 2_000 + GRACE))).isFalse();
    assertThat(await(store.states(List.of(user))).get(user).status()).isEqualTo("online");
  }

  @Test
  void closing_a_connection_twice_or_one_never_seen_changes_nothing() throws Exception {
    long user = USERS.incrementAndGet();
    await(store.connected(user, "c1", "gw-a", "phone", 1_000));
    await(store.connected(user, "c2", "gw-a", "phone", 1_500)); // the same device reconnected before the old socket closed

    assertThat(await(store.disconnected(user, "c1", "gw-a", "phone", 2_000, 9_000))).isFalse();
    assertThat(await(store.disconnected(user, "c1", "gw-a", "phone", 2_000, 9_000))).isFalse();
    assertThat(await(store.disconnected(user, "unknown", "gw-a", "phone", 2_000, 9_000))).isFalse();
    assertThat(await(store.states(List.of(user))).get(user).status()).isEqualTo("online");
  }

  @Test
  void concurrent_settlers_turn_a_user_offline_exactly_once() throws Exception {
    long user = USERS.incrementAndGet();
    await(store.connected(user, "c1", "gw-a", "phone", 1_000));
    await(store.disconnected(user, "c1", "gw-a", "phone", 2_000, 2_500));

    List<Future<Boolean>> settlers = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      settlers.add(store.settle(user, 3_000));
    }
    await(Future.all(settlers));
    assertThat(settlers.stream().filter(Future::result).count()).isEqualTo(1);
  }

  @Test
  void friends_are_told_each_change_once_and_a_flapping_user_at_most_once_per_window() throws Exception {
    long user = USERS.incrementAndGet();
    await(store.connected(user, "c1", "gw-a", "phone", 10_000));

    Optional<PresenceStore.Notice> online = await(store.claimNotice(user, false, 10_000, WINDOW));
    assertThat(online).hasValueSatisfying(n -> {
      assertThat(n.status()).isEqualTo("online");
      assertThat(n.version()).isEqualTo(1);
    });
    assertThat(await(store.claimNotice(user, false, 10_001, WINDOW))).as("already told").isEmpty();

    await(store.disconnected(user, "c1", "gw-a", "phone", 10_500, 10_500));
    await(store.settle(user, 10_600));
    assertThat(await(store.claimNotice(user, false, 10_600, WINDOW))).as("inside the window: held back").isEmpty();
    assertThat(await(store.dueNotices(10_000 + WINDOW - 1, 100))).doesNotContain(user);
    assertThat(await(store.dueNotices(10_000 + WINDOW, 100))).contains(user);

    Optional<PresenceStore.Notice> offline = await(store.claimNotice(user, false, 10_000 + WINDOW, WINDOW));
    assertThat(offline).hasValueSatisfying(n -> {
      assertThat(n.status()).isEqualTo("offline");
      assertThat(n.lastActiveAt()).isEqualTo(10_500);
      assertThat(n.version()).isEqualTo(2);
    });
    assertThat(await(store.dueNotices(20_000, 100))).doesNotContain(user);
  }

  @Test
  void a_change_undone_inside_the_window_is_never_told() throws Exception {
    long user = USERS.incrementAndGet();
    await(store.connected(user, "c1", "gw-a", "phone", 10_000));
    await(store.claimNotice(user, false, 10_000, WINDOW));
    await(store.disconnected(user, "c1", "gw-a", "phone", 10_100, 10_100));
    await(store.settle(user, 10_200));
    assertThat(await(store.claimNotice(user, false, 10_200, WINDOW))).isEmpty();
    await(store.connected(user, "c2", "gw-a", "phone", 10_300));

    assertThat(await(store.claimNotice(user, false, 10_000 + WINDOW, WINDOW))).as("friends still see online").isEmpty();
    assertThat(await(store.dueNotices(30_000, 100))).doesNotContain(user);
  }

  @Test
  void an_invisible_user_is_told_as_offline_even_while_connected() throws Exception {
    long user = USERS.incrementAndGet();
    await(store.connected(user, "c1", "gw-a", "phone", 10_000));
    await(store.claimNotice(user, false, 10_000, WINDOW));

    assertThat(await(store.claimNotice(user, true, 20_000, WINDOW)))
        .hasValueSatisfying(n -> assertThat(n.status()).isEqualTo("offline"));
    assertThat(await(store.claimNotice(user, false, 30_000, WINDOW)))
        .hasValueSatisfying(n -> assertThat(n.status()).isEqualTo("online"));
  }
}
