package chat.bench.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class TaggedBodyTest {

  private final TaggedBody tagged = new TaggedBody("g:");

  private static String message(String body) {
    return new JsonObject().put("type", "message").put("channel", 12).put("seq", 7).put("sender", 3)
        .put("client_msg_id", "6f1c4b1e-8a0e-4a55-9a55-0d7c1b2f9e01").put("body", body).put("sent_at", 1764000000000L)
        .encode();
  }

  @Test
  void the_index_and_due_time_of_a_tagged_message_are_read_back() {
    String frame = message(tagged.body(1234, 98765432101234L));

    assertThat(tagged.find(frame)).isEqualTo(new TaggedBody.Found(1234, 98765432101234L, 1764000000000L));
  }

  @Test
  void a_message_without_its_sequencing_time_reads_as_minus_one() {
    String frame = new JsonObject().put("type", "message").put("body", tagged.body(1, 2)).encode();

    assertThat(tagged.find(frame)).isEqualTo(new TaggedBody.Found(1, 2, -1));
  }

  @Test
  void another_tag_another_frame_type_or_an_untagged_body_is_not_a_measured_message() {
    assertThat(tagged.find(message(new TaggedBody("w:").body(5, 10)))).isNull();
    assertThat(tagged.find(message("hello g:1:2"))).isNull();
    assertThat(tagged.find(new JsonObject().put("type", "accepted").put("body", "g:1:2").encode())).isNull();
    assertThat(tagged.find("{\"type\":\"pong\"}")).isNull();
  }

  @Test
  void a_tag_json_would_escape_is_refused() {
    assertThatThrownBy(() -> new TaggedBody("a\"b")).isInstanceOf(IllegalArgumentException.class);
  }
}
