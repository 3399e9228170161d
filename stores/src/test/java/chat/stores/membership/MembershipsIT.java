package chat.stores.membership;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.Endpoints;
import chat.devstack.engines.Engine;
import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.TestEngines;
import chat.runtime.postgres.PostgresClients;
import chat.runtime.redis.RedisClients;
import chat.stores.RedisKeys;
import chat.stores.StoresFixture;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MembershipsIT {

  private static Vertx vertx;
  private static Redis redis;
  private static Pool postgres;
  private static Memberships memberships;

  @BeforeAll
  static void connect() throws Exception {
    Endpoints engines = TestEngines.start(Engine.REDIS, Engine.POSTGRES);
    vertx = Vertx.vertx();
    redis = RedisClients.commands(vertx, EngineConfigs.redis(engines));
    postgres = PostgresClients.pool(vertx, EngineConfigs.postgres(engines));
    await(postgres.query("CREATE TABLE IF NOT EXISTS channel_members (channel_id bigint, user_id bigint, PRIMARY KEY (channel_id, user_id))").execute());
    memberships = new Memberships(redis, postgres);
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  private static void insertMembers(long channel, long... users) throws Exception {
    for (long user : users) {
      await(postgres.query("INSERT INTO channel_members VALUES (" + channel + ", " + user + ") ON CONFLICT DO NOTHING").execute());
    }
  }

  @Test
  void a_cache_miss_is_rebuilt_from_postgresql_and_then_served_from_redis() throws Exception {
    insertMembers(100, 1, 2);

    assertThat(await(memberships.membersOf(List.of(100L)))).isEqualTo(Map.of(100L, Set.of(1L, 2L)));
    assertThat(await(redis.send(Request.cmd(Command.SCARD).arg(RedisKeys.members(100)))).toInteger()).isEqualTo(2);
    assertThat(await(memberships.isMember(100, 2))).isTrue();
  }

  @Test
  void a_user_outside_the_channel_and_an_unknown_channel_are_not_members() throws Exception {
    insertMembers(101, 1, 2);

    assertThat(await(memberships.isMember(101, 3))).isFalse();
    assertThat(await(memberships.isMember(999_999, 1))).isFalse();
  }

  @Test
  void a_removed_member_stops_being_a_member_at_once() throws Exception {
    insertMembers(102, 1, 2);
    assertThat(await(memberships.isMember(102, 2))).isTrue();

    await(postgres.query("DELETE FROM channel_members WHERE channel_id = 102 AND user_id = 2").execute());
    await(memberships.removed(102, 2));

    assertThat(await(memberships.isMember(102, 2))).isFalse();
  }

  @Test
  void members_of_many_channels_come_back_in_one_call_mixing_hits_and_misses() throws Exception {
    insertMembers(103, 5);
    insertMembers(104, 6, 7);
    await(memberships.membersOf(List.of(103L)));

    assertThat(await(memberships.membersOf(List.of(103L, 104L))))
        .isEqualTo(Map.of(103L, Set.of(5L), 104L, Set.of(6L, 7L)));
  }

  @Test
  void an_addition_to_an_uncached_channel_does_not_create_a_partial_cache() throws Exception {
    insertMembers(105, 1, 2, 3);

    await(memberships.added(105, List.of(3L)));

    assertThat(await(memberships.membersOf(List.of(105L)))).isEqualTo(Map.of(105L, Set.of(1L, 2L, 3L)));
  }

  @Test
  void a_rebuild_that_read_before_a_removal_cannot_put_the_removed_member_back() throws Exception {
    insertMembers(106, 1, 2);
    String seenBeforeRead = "0"; // the generation a slow rebuild saw before reading PostgreSQL (members 1 and 2)
    await(postgres.query("DELETE FROM channel_members WHERE channel_id = 106 AND user_id = 2").execute());
    await(memberships.removed(106, 2)); // the removal lands while that rebuild is still in flight

    await(redis.send(memberships.fill(106, seenBeforeRead, Set.of(1L, 2L)))); // the slow rebuild tries to fill

    assertThat(await(memberships.isMember(106, 2))).isFalse();
    assertThat(await(memberships.isMember(106, 1))).isTrue();
  }
}
