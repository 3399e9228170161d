package chat.schemas.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayBatchCodecTest {

  private static final String MESSAGE = "{\"type\":\"message\",\"channel\":4,\"seq\":9,\"body\":\"h\\u00e9 \\\"you\\\"\\n 😀\"}";

  private static List<String> texts(List<GatewayBatchCodec.EncodedDelivery> deliveries) {
    return deliveries.stream().map(d -> d.users() + " " + d.frame()).toList();
  }

  @Test
  void a_batch_comes_back_with_its_users_and_frames_in_order() {
    GatewayBatch batch = new GatewayBatch(List.of(
        new GatewayBatch.Delivery(List.of(12L, 15L), MESSAGE),
        new GatewayBatch.Delivery(List.of(Long.MAX_VALUE), "{\"type\":\"presence\",\"body\":\"é\"}"),
        new GatewayBatch.Delivery(List.of(34L), MESSAGE)));

    assertThat(texts(GatewayBatchCodec.decode(GatewayBatchCodec.encode(batch)))).containsExactly(
        "[12, 15] " + MESSAGE, "[" + Long.MAX_VALUE + "] {\"type\":\"presence\",\"body\":\"é\"}", "[34] " + MESSAGE);
  }

  @Test
  void the_frame_bytes_are_written_as_they_are_after_a_header_line() {
    byte[] encoded = GatewayBatchCodec.encode(new GatewayBatch(List.of(new GatewayBatch.Delivery(List.of(7L, 8L), "{\"a\":\"é\"}"))));

    assertThat(new String(encoded, StandardCharsets.UTF_8)).isEqualTo("7,8 10\n{\"a\":\"é\"}");
  }

  @Test
  void deliveries_for_nobody_are_left_out_and_an_empty_batch_is_empty() {
    GatewayBatch batch = new GatewayBatch(List.of(new GatewayBatch.Delivery(List.of(), MESSAGE)));

    assertThat(GatewayBatchCodec.encode(batch)).isEmpty();
    assertThat(GatewayBatchCodec.decode(new byte[0])).isEmpty();
  }

  @Test
  void the_json_form_published_before_is_still_read() {
    GatewayBatch batch = new GatewayBatch(List.of(new GatewayBatch.Delivery(List.of(3L), MESSAGE)));

    assertThat(texts(GatewayBatchCodec.decode(Json.encode(batch).getBytes(StandardCharsets.UTF_8))))
        .containsExactly("[3] " + MESSAGE);
  }

  @Test
  void a_payload_cut_short_or_malformed_is_refused_with_a_reason() {
    byte[] good = GatewayBatchCodec.encode(new GatewayBatch(List.of(new GatewayBatch.Delivery(List.of(7L), MESSAGE))));
    for (String bad : List.of("7", "7 ", "7 5", "7,", ",7 1\nx", "7 x\n", "x", "7 3\nab", "{not json",
        "9223372036854775808 1\nx", "7 2147483648\nx")) {
      assertThatThrownBy(() -> GatewayBatchCodec.decode(bad.getBytes(StandardCharsets.UTF_8)))
          .as(bad).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> GatewayBatchCodec.decode(Arrays.copyOf(good, good.length - 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cut short");
  }
}
