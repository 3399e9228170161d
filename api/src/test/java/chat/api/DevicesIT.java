package chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

class DevicesIT extends ApiTestBase {

  private static final JsonObject WEB_PUSH = new JsonObject().put("kind", "webpush")
      .put("endpoint", "https://push.example.net/send/abc123")
      .put("keys", new JsonObject()
          .put("p256dh", "BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM")
          .put("auth", "tBHItJI5svbpez7KI4CCXg"));
  private static final JsonObject FCM = new JsonObject().put("kind", "fcm").put("token", "fcm-token:APA91bHun4MxP5egoKMwt2KZFBaFUH");
  private static final JsonObject APNS = new JsonObject().put("kind", "apns").put("token", "a".repeat(64)).put("environment", "sandbox");

  private static HttpResponse<Buffer> register(JsonObject user, JsonObject device) throws Exception {
    return await(http.post("/v1/devices").bearerTokenAuthentication(user.getString("token")).sendJsonObject(device));
  }

  @Test
  void devices_with_each_kind_of_push_subscription_are_registered_listed_renamed_and_removed() throws Exception {
    JsonObject alice = user();

    HttpResponse<Buffer> web = register(alice, new JsonObject().put("name", "Firefox").put("platform", "web").put("push", WEB_PUSH));
    assertThat(web.statusCode()).as(web.bodyAsString()).isEqualTo(201);
    assertThat(web.bodyAsJsonObject().getJsonObject("push")).isEqualTo(WEB_PUSH);
    assertThat(register(alice, new JsonObject().put("name", "Pixel").put("platform", "android").put("push", FCM)).statusCode()).isEqualTo(201);
    assertThat(register(alice, new JsonObject().put("name", "iPhone").put("platform", "ios").put("push", APNS)).statusCode()).isEqualTo(201);
    assertThat(register(alice, new JsonObject().put("name", "Laptop").put("platform", "desktop")).statusCode()).isEqualTo(201);

    JsonObject listed = await(http.get("/v1/devices").bearerTokenAuthentication(alice.getString("token")).send()).bodyAsJsonObject();
    assertThat(listed.getJsonArray("devices")).hasSize(4);

    long id = web.bodyAsJsonObject().getLong("device_id");
    JsonObject renamed = await(http.patch("/v1/devices/" + id).bearerTokenAuthentication(alice.getString("token"))
        .sendJsonObject(new JsonObject().put("name", "Firefox (work)").putNull("push"))).bodyAsJsonObject();
    assertThat(renamed.getString("name")).isEqualTo("Firefox (work)");
    assertThat(renamed.getValue("push")).isNull();

    assertThat(await(http.delete("/v1/devices/" + id).bearerTokenAuthentication(alice.getString("token")).send()).statusCode()).isEqualTo(204);
    assertThat(await(http.get("/v1/devices").bearerTokenAuthentication(alice.getString("token")).send()).bodyAsJsonObject()
        .getJsonArray("devices")).hasSize(3);
  }

  @Test
  void another_users_device_cannot_be_changed_or_removed() throws Exception {
    JsonObject alice = user();
    JsonObject mallory = user();
    long id = register(alice, new JsonObject().put("name", "Phone").put("platform", "ios")).bodyAsJsonObject().getLong("device_id");

    assertProblem(await(http.delete("/v1/devices/" + id).bearerTokenAuthentication(mallory.getString("token")).send()), 404, "not_found");
    assertProblem(await(http.patch("/v1/devices/" + id).bearerTokenAuthentication(mallory.getString("token"))
        .sendJsonObject(new JsonObject().put("name", "mine"))), 404, "not_found");
  }

  @Test
  void malformed_subscriptions_and_names_are_400() throws Exception {
    JsonObject alice = user();

    assertProblem(register(alice, new JsonObject().put("name", "x").put("platform", "fridge")), 400, "invalid_field");
    assertProblem(register(alice, new JsonObject().put("name", "x").put("platform", "web")
        .put("push", WEB_PUSH.copy().put("endpoint", "http://insecure.example/push"))), 400, "invalid_field");
    assertProblem(register(alice, new JsonObject().put("name", "x").put("platform", "ios")
        .put("push", new JsonObject().put("kind", "apns").put("token", "not-hex"))), 400, "invalid_field");
    assertProblem(register(alice, new JsonObject().put("name", "x").put("platform", "android")
        .put("push", new JsonObject().put("kind", "carrier-pigeon").put("token", "coo"))), 400, "invalid_field");
    assertProblem(register(alice, new JsonObject().put("name", "tab\tname").put("platform", "web")), 400, "invalid_field");
  }

  @Test
  void an_account_has_a_bounded_number_of_devices() throws Exception {
    JsonObject alice = user();
    for (int i = 0; i < 20; i++) {
      assertThat(register(alice, new JsonObject().put("name", "d" + i).put("platform", "other")).statusCode()).isEqualTo(201);
    }

    assertProblem(register(alice, new JsonObject().put("name", "one too many").put("platform", "other")), 409, "too_many_devices");
  }
}
