package chat.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class SchemaCatalogTest {

  @Test
  void a_send_without_client_msg_id_is_rejected_naming_the_field() {
    JsonObject frame = new JsonObject().put("type", "send").put("channel", 1).put("body", "x");

    assertThat(SchemaCatalog.firstError("ws/send", frame)).hasValueSatisfying(error ->
        assertThat(error).contains("client_msg_id"));
  }

  @Test
  void a_send_with_a_string_channel_is_rejected_naming_the_field() {
    JsonObject frame = new JsonObject().put("type", "send").put("channel", "one")
        .put("client_msg_id", "5f0c6e1e-7d0b-4a53-9d3c-2b8f3f2f6a11").put("body", "x");

    assertThat(SchemaCatalog.firstError("ws/send", frame)).hasValueSatisfying(error ->
        assertThat(error).startsWith("channel"));
  }

  @Test
  void a_client_msg_id_that_is_not_a_uuid_is_rejected() {
    JsonObject frame = new JsonObject().put("type", "send").put("channel", 1)
        .put("client_msg_id", "abc").put("body", "x");

    assertThat(SchemaCatalog.firstError("ws/send", frame)).hasValueSatisfying(error ->
        assertThat(error).startsWith("client_msg_id"));
  }
}
