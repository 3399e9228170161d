package chat.api.history;

import static org.assertj.core.api.Assertions.assertThat;

import chat.stores.history.MessageJson;
import chat.stores.history.StoredMessage;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessagesPageTest {

  @Test
  void a_page_holds_the_message_frames_with_the_contracts_field_names_in_the_order_given_and_without_the_device() {
    UUID id = UUID.fromString("5f0c6e1e-7d0b-4a53-9d3c-2b8f3f2f6a11");
    StoredMessage newer = new StoredMessage(7, 2, 41, "phone", id, "second \"quoted\", [braced]", 1_700_000_000_500L);
    StoredMessage older = new StoredMessage(7, 1, 42, "laptop", id, "first", 1_700_000_000_000L);

    JsonObject page = new JsonObject(MessagesPage.of(List.of(MessageJson.of(newer), MessageJson.of(older))));

    assertThat(page.fieldNames()).containsExactly("messages");
    assertThat(page.getJsonArray("messages").getJsonObject(0)).isEqualTo(new JsonObject().put("type", "message")
        .put("channel", 7).put("seq", 2).put("sender", 41).put("client_msg_id", id.toString())
        .put("body", "second \"quoted\", [braced]").put("sent_at", 1_700_000_000_500L));
    assertThat(page.getJsonArray("messages").getJsonObject(1).getLong("seq")).isEqualTo(1);
    assertThat(page.getJsonArray("messages")).hasSize(2);
  }

  @Test
  void an_empty_page_is_an_empty_list() {
    assertThat(MessagesPage.of(List.of()).toString()).isEqualTo("{\"messages\":[]}");
  }
}
