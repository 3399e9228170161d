package chat.gateway.frames;

import static org.assertj.core.api.Assertions.assertThat;

import chat.schemas.ErrorCode;
import chat.schemas.frames.SendFrame;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FrameReaderTest {

  private static final String ID = "5f0c6e1e-7d0b-4a53-9d3c-2b8f3f2f6a11";
  private final FrameReader reader = new FrameReader(16);

  @Test
  void a_valid_send_becomes_a_send_frame() {
    FrameReader.Result result = reader.read("{\"type\":\"send\",\"channel\":4,\"client_msg_id\":\"" + ID + "\",\"body\":\"hi\"}");

    assertThat(result.error()).isNull();
    assertThat(result.frame()).isEqualTo(new SendFrame(4, UUID.fromString(ID), "hi"));
  }

  @Test
  void text_that_is_not_json_is_malformed_json() {
    assertThat(reader.read("hello{").error().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
    assertThat(reader.read("[1,2]").error().code()).isEqualTo(ErrorCode.MALFORMED_JSON);
  }

  @Test
  void an_unknown_or_missing_type_is_unknown_type() {
    assertThat(reader.read("{\"type\":\"dance\"}").error().code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
    assertThat(reader.read("{\"channel\":1}").error().code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
  }

  @Test
  void a_missing_field_is_invalid_frame_naming_the_field() {
    FrameReader.Result result = reader.read("{\"type\":\"send\",\"channel\":4,\"client_msg_id\":\"" + ID + "\"}");

    assertThat(result.error().code()).isEqualTo(ErrorCode.INVALID_FRAME);
    assertThat(result.error().message()).contains("body");
    assertThat(result.error().ref()).isEqualTo(ID);
  }

  @Test
  void a_body_over_the_limit_in_utf8_bytes_is_body_too_large() {
    String body = "é".repeat(9); // 9 characters, 18 bytes
    FrameReader.Result result = reader.read("{\"type\":\"send\",\"channel\":4,\"client_msg_id\":\"" + ID + "\",\"body\":\"" + body + "\"}");

    assertThat(result.error().code()).isEqualTo(ErrorCode.BODY_TOO_LARGE);
  }

  @Test
  void the_fast_path_for_sends_and_pings_agrees_with_the_schemas_on_every_sample() {
    String send = "{\"type\":\"send\",\"channel\":%s,\"client_msg_id\":%s,\"body\":%s%s}";
    List<String> samples = List.of(
        send.formatted("4", "\"" + ID + "\"", "\"hi\"", ""),
        send.formatted("4", "\"" + ID.toUpperCase() + "\"", "\"hi\"", ",\"extra\":true"),
        send.formatted("9007199254740993", "\"" + ID + "\"", "\"hi\"", ""),
        send.formatted("4.0", "\"" + ID + "\"", "\"hi\"", ""),
        send.formatted("0", "\"" + ID + "\"", "\"hi\"", ""),
        send.formatted("-3", "\"" + ID + "\"", "\"hi\"", ""),
        send.formatted("\"4\"", "\"" + ID + "\"", "\"hi\"", ""),
        send.formatted("4", "\"not-a-uuid\"", "\"hi\"", ""),
        send.formatted("4", "\"" + ID + "x\"", "\"hi\"", ""),
        send.formatted("4", "12", "\"hi\"", ""),
        send.formatted("4", "\"" + ID + "\"", "\"\"", ""),
        send.formatted("4", "\"" + ID + "\"", "null", ""),
        send.formatted("4", "\"" + ID + "\"", "\"" + "x".repeat(16) + "\"", ""),
        send.formatted("4", "\"" + ID + "\"", "\"" + "x".repeat(17) + "\"", ""),
        send.formatted("4", "\"" + ID + "\"", "\"" + "é".repeat(8) + "\"", ""),
        "{\"type\":\"ping\"}",
        "{\"type\":\"ping\",\"ref\":\"p-17\"}",
        "{\"type\":\"ping\",\"ref\":null}",
        "{\"type\":\"ping\",\"ref\":17}",
        "{\"type\":\"ping\",\"ref\":\"" + "r".repeat(64) + "\"}",
        "{\"type\":\"ping\",\"ref\":\"" + "r".repeat(65) + "\"}",
        "{\"type\":\"ping\",\"ref\":\"" + "😀".repeat(40) + "\"}");

    for (String sample : samples) {
      assertThat(reader.read(sample)).as(sample).isEqualTo(reader.readValidated(sample));
    }
  }
}
