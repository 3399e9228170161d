package chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import chat.runtime.redis.RedisClients;
import chat.stores.gateways.GatewayRegistry;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DiscoveryIT extends ApiTestBase {

  private static Redis redis;
  private static GatewayRegistry registry;

  @BeforeEach
  void clearRegistry() throws Exception {
    if (redis == null) {
      redis = RedisClients.commands(vertx, chat.devstack.engines.EngineConfigs.redis(chat.devstack.engines.TestEngines.all()));
      registry = new GatewayRegistry(redis, 15_000);
    }
    await(redis.send(Request.cmd(Command.DEL).arg("gateways")));
  }

  @Test
  void discovery_offers_the_least_loaded_healthy_gateway_with_a_ticket_and_never_a_stale_one() throws Exception {
    long now = System.currentTimeMillis();
    await(registry.heartbeat("gw-a", "ws://a:8080/v1/ws", 500, now));
    await(registry.heartbeat("gw-b", "ws://b:8080/v1/ws", 20, now));
    await(registry.heartbeat("gw-dead", "ws://dead:8080/v1/ws", 0, now - 120_000));
    JsonObject alice = user();

    HttpResponse<Buffer> response = await(http.get("/v1/discovery").bearerTokenAuthentication(alice.getString("token")).send());

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    JsonObject body = response.bodyAsJsonObject();
    assertThat(body.getString("gateway_id")).isEqualTo("gw-b");
    assertThat(body.getString("url")).isEqualTo("ws://b:8080/v1/ws?ticket=" + body.getString("ticket"));
    assertThat(body.getInteger("expires_in")).isEqualTo(10);
    assertThat(await(redis.send(Request.cmd(Command.GET).arg("ticket:" + body.getString("ticket")))).toString())
        .isEqualTo(alice.getLong("user_id") + ":" + alice.getString("session_id"));
  }

  @Test
  void without_a_healthy_gateway_discovery_answers_503() throws Exception {
    await(registry.heartbeat("gw-dead", "ws://dead:8080/v1/ws", 0, System.currentTimeMillis() - 120_000));

    assertProblem(await(http.get("/v1/discovery").bearerTokenAuthentication(user().getString("token")).send()), 503, "no_gateway");
  }

  @Test
  void discovery_needs_a_token() throws Exception {
    assertProblem(await(http.get("/v1/discovery").send()), 401, "unauthorized");
  }
}
