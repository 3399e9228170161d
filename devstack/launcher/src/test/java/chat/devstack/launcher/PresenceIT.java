package chat.devstack.launcher;

import static chat.devstack.launcher.TestApi.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import chat.devstack.launcher.TestApi.User;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Presence through real engines, with the short timings of {@link TestSystem#FAST}: a connection
 * or gateway silent for 5 s is gone, 1.5 s of grace, friends told at most once a second.
 */
class PresenceIT {

  /** Longest wait for a change that is due: idle timeout + grace + a sweep, a tick and slack on a busy CI box. */
  private static final Duration DUE = Duration.ofSeconds(15);
  /** How long "nothing more arrives" is watched for. */
  private static final Duration QUIET = Duration.ofMillis(2_500);

  private static Vertx vertx;
  private static TestSystem system;
  private static TestApi api;

  @BeforeAll
  static void startEverything() throws Exception {
    vertx = Vertx.vertx();
    system = TestSystem.start(vertx);
    api = new TestApi(vertx, system.running().apiPort());
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static TestClient connect(User user, String device) throws Exception {
    return TestClient.connect(vertx, system.running().gatewayPort(), user.token(), device);
  }

  private static Predicate<JsonObject> presenceOf(User user, String status) {
    return f -> "presence".equals(f.getString("type")) && f.getLong("user") == user.id() && status.equals(f.getString("status"));
  }

  private static Predicate<JsonObject> presenceOf(User user) {
    return f -> "presence".equals(f.getString("type")) && f.getLong("user") == user.id();
  }

  /** Holds for the whole quiet period: the watcher got exactly {@code expected} presence frames about {@code user}. */
  private static void stillExactly(TestClient watcher, User user, int expected) {
    await().during(QUIET).atMost(QUIET.plusSeconds(5)).until(() -> watcher.received(presenceOf(user)).size() == expected);
  }

  private static List<Long> ids(JsonArray array) {
    return array.stream().map(id -> ((Number) id).longValue()).toList();
  }

  @Test
  void the_welcome_frame_tells_the_heartbeat_interval_and_a_ping_is_answered() throws Exception {
    User alice = api.newUser("hello");
    try (TestClient phone = connect(alice, "phone")) {
      JsonObject welcome = phone.awaitFrame(TestClient.type("welcome"));
      assertThat(welcome.getLong("user")).isEqualTo(alice.id());
      assertThat(welcome.getString("device")).isEqualTo("phone");
      assertThat(welcome.getLong("heartbeat_interval_ms")).isEqualTo(1_000);
      assertThat(welcome.getLong("idle_timeout_ms")).isEqualTo(5_000);

      phone.send(new JsonObject().put("type", "ping").put("ref", "p1"));
      assertThat(phone.awaitFrame(f -> "pong".equals(f.getString("type")) && "p1".equals(f.getString("ref"))).getLong("at"))
          .isPositive();
    }
  }

  @Test
  void a_friend_sees_the_first_device_bring_the_user_online_and_the_last_one_take_them_offline_once_each() throws Exception {
    User alice = api.newUser("alice");
    User bob = api.newUser("bob");
    api.befriend(alice, bob);

    try (TestClient bobPhone = connect(bob, "phone")) {
      TestClient alicePhone = connect(alice, "phone");
      JsonObject online = bobPhone.awaitFrame(presenceOf(alice, "online"));
      TestClient aliceLaptop = TestClient.connect(vertx, system.secondGatewayPort(), alice.token(), "laptop");
      aliceLaptop.awaitFrame(TestClient.type("welcome"));
      alicePhone.close();
      stillExactly(bobPhone, alice, 1);

      aliceLaptop.close();
      JsonObject offline = bobPhone.awaitFrame(presenceOf(alice, "offline"));
      assertThat(offline.getLong("version")).isGreaterThan(online.getLong("version"));
      assertThat(offline.getLong("last_active_at")).isPositive();
      stillExactly(bobPhone, alice, 2);
    }
  }

  @Test
  void a_client_that_stops_heartbeating_is_closed_by_the_gateway_and_shown_offline() throws Exception {
    User alice = api.newUser("silent");
    User bob = api.newUser("watcher");
    api.befriend(alice, bob);

    try (TestClient bobPhone = connect(bob, "phone");
         TestClient alicePhone = TestClient.connectSilent(vertx, system.running().gatewayPort(), alice.token(), "phone")) {
      bobPhone.awaitFrame(presenceOf(alice, "online"));

      await().atMost(DUE).until(alicePhone::isClosed);
      assertThat(alicePhone.closeStatus()).isEqualTo((short) 4000);
      bobPhone.awaitFrame(presenceOf(alice, "offline"));
    }
  }

  @Test
  void a_reconnect_inside_the_grace_period_shows_friends_no_transition() throws Exception {
    User alice = api.newUser("flaky");
    User bob = api.newUser("friend");
    api.befriend(alice, bob);

    try (TestClient bobPhone = connect(bob, "phone")) {
      TestClient first = connect(alice, "phone");
      bobPhone.awaitFrame(presenceOf(alice, "online"));
      first.close();
      try (TestClient second = connect(alice, "phone")) {
        second.awaitFrame(TestClient.type("welcome"));
        stillExactly(bobPhone, alice, 1);
        second.send(new JsonObject().put("type", "presence_query").put("users", new JsonArray().add(alice.id())));
        assertThat(second.awaitFrame(TestClient.type("presence_list")).getJsonArray("users").getJsonObject(0).getString("status"))
            .isEqualTo("online");
      }
    }
  }

  @Test
  void killing_a_gateway_process_takes_its_users_offline_and_friends_are_told_exactly_once() throws Exception {
    User alice = api.newUser("doomed");
    User bob = api.newUser("survivor");
    api.befriend(alice, bob);
    ChildJvm gateway = ChildJvm.start("gateway", system.engines(), "gw-doomed-" + UUID.randomUUID().toString().substring(0, 6),
        Path.of("target", "gateway-killed.log"));
    try (TestClient bobPhone = connect(bob, "phone")) {
      TestClient alicePhone = TestClient.connect(vertx, gateway.port(), alice.token(), "phone");
      bobPhone.awaitFrame(presenceOf(alice, "online"));

      long killedAt = System.nanoTime();
      gateway.kill();
      bobPhone.awaitFrame(presenceOf(alice, "offline"));
      long tookMs = (System.nanoTime() - killedAt) / 1_000_000;
      assertThat(tookMs).as("offline after the gateway timeout, not before").isGreaterThanOrEqualTo(3_000);
      System.out.printf("gateway killed → friend told offline in %d ms (timeout 5 s, grace 1.5 s)%n", tookMs);
      stillExactly(bobPhone, alice, 2);
      alicePhone.close();
    } finally {
      gateway.kill();
    }
  }

  @Test
  void strangers_and_blocked_users_are_never_told() throws Exception {
    User alice = api.newUser("private");
    User friend = api.newUser("friend");
    User stranger = api.newUser("stranger");
    User blocked = api.newUser("blocked");
    api.befriend(alice, friend);
    api.befriend(alice, blocked);
    api.block(alice, blocked);

    try (TestClient friendPhone = connect(friend, "phone");
         TestClient strangerPhone = connect(stranger, "phone");
         TestClient blockedPhone = connect(blocked, "phone");
         TestClient alicePhone = connect(alice, "phone")) {
      friendPhone.awaitFrame(presenceOf(alice, "online"));
      stillExactly(strangerPhone, alice, 0);
      assertThat(blockedPhone.received(presenceOf(alice))).isEmpty();
    }
  }

  @Test
  void a_group_member_gets_the_presence_of_co_members_but_not_of_strangers_over_the_websocket_and_http() throws Exception {
    User owner = api.newUser("owner");
    User member = api.newUser("member");
    User stranger = api.newUser("outsider");
    api.group(owner, member);

    try (TestClient memberPhone = connect(member, "phone");
         TestClient ownerPhone = connect(owner, "phone")) {
      memberPhone.awaitFrame(TestClient.type("welcome"));
      // presence learns of a connection through Kafka, a moment after its welcome: ask until it has
      JsonObject list = await().atMost(Duration.ofSeconds(20)).until(() -> {
        int answered = ownerPhone.received(TestClient.type("presence_list")).size();
        ownerPhone.send(new JsonObject().put("type", "presence_query")
            .put("users", new JsonArray().add(member.id()).add(stranger.id())));
        await().atMost(Duration.ofSeconds(10)).until(() -> ownerPhone.received(TestClient.type("presence_list")).size() > answered);
        List<JsonObject> lists = ownerPhone.received(TestClient.type("presence_list"));
        return lists.get(lists.size() - 1);
      }, answer -> "online".equals(answer.getJsonArray("users").getJsonObject(0).getString("status")));
      assertThat(ids(list.getJsonArray("refused"))).containsExactly(stranger.id());
      JsonObject seen = list.getJsonArray("users").getJsonObject(0);
      assertThat(seen.getLong("user")).isEqualTo(member.id());
      assertThat(seen.getString("status")).isEqualTo("online");
      assertThat(seen.containsKey("last_active_at")).as("last seen is for friends only").isFalse();
    }

    JsonObject overHttp = call(api.http().get("/v1/presence?users=" + member.id() + "," + stranger.id())
        .bearerTokenAuthentication(owner.token()).send(), 200);
    assertThat(ids(overHttp.getJsonArray("refused"))).containsExactly(stranger.id());
    assertThat(overHttp.getJsonArray("users").getJsonObject(0).getLong("user")).isEqualTo(member.id());

    call(api.http().get("/v1/presence?users=abc").bearerTokenAuthentication(owner.token()).send(), 400);
  }

  @Test
  void an_invisible_user_appears_offline_to_friends_and_still_receives_messages() throws Exception {
    User alice = api.newUser("ghost");
    User bob = api.newUser("seer");
    api.befriend(alice, bob);
    long channel = api.directChannel(bob, alice);

    try (TestClient bobPhone = connect(bob, "phone");
         TestClient alicePhone = connect(alice, "phone")) {
      bobPhone.awaitFrame(presenceOf(alice, "online"));

      JsonObject mine = call(api.http().put("/v1/users/me/presence").bearerTokenAuthentication(alice.token())
          .sendJsonObject(new JsonObject().put("invisible", true)), 200);
      assertThat(mine.getBoolean("invisible")).isTrue();
      assertThat(mine.getString("status")).as("to herself she is online").isEqualTo("online");
      JsonObject hidden = bobPhone.awaitFrame(presenceOf(alice, "offline"));
      assertThat(hidden.containsKey("last_active_at")).isFalse();

      bobPhone.send(new JsonObject().put("type", "presence_query").put("users", new JsonArray().add(alice.id())));
      JsonObject seen = bobPhone.awaitFrame(TestClient.type("presence_list")).getJsonArray("users").getJsonObject(0);
      assertThat(seen.getString("status")).isEqualTo("offline");
      assertThat(seen.containsKey("last_active_at")).isFalse();

      bobPhone.send(new JsonObject().put("type", "send").put("channel", channel)
          .put("client_msg_id", UUID.randomUUID().toString()).put("body", "are you there?"));
      assertThat(alicePhone.awaitFrame(TestClient.type("message")).getString("body")).isEqualTo("are you there?");

      call(api.http().put("/v1/users/me/presence").bearerTokenAuthentication(alice.token())
          .sendJsonObject(new JsonObject().put("invisible", false)), 200);
      await().atMost(DUE).until(() -> bobPhone.received(presenceOf(alice, "online")).size() == 2);
      assertThat(bobPhone.received(presenceOf(alice))).extracting(f -> f.getLong("version")).isSorted();
      List<String> statuses = bobPhone.received(presenceOf(alice)).stream().map(f -> f.getString("status")).toList();
      assertThat(statuses).containsExactly("online", "offline", "online");
    }
  }
}
