package chat.gateway.frames;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class UuidTextTest {

  /** The ws/send schema's pattern for client_msg_id. */
  private static final Pattern SCHEMA =
      Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  @Test
  void accepts_canonical_uuids_in_either_case() {
    String id = UUID.randomUUID().toString();
    assertThat(UuidText.isCanonical(id)).isTrue();
    assertThat(UuidText.isCanonical(id.toUpperCase())).isTrue();
    assertThat(UuidText.isCanonical("00000000-0000-0000-0000-000000000000")).isTrue();
  }

  @Test
  void refuses_what_uuid_from_string_would_still_parse() {
    assertThat(UUID.fromString("1-2-3-4-5")).isNotNull();
    assertThat(UuidText.isCanonical("1-2-3-4-5")).isFalse();
  }

  @Test
  void agrees_with_the_schema_pattern_on_every_sample() {
    String id = "3f2c4a5e-9b1d-4c7e-8f00-1a2b3c4d5e6f";
    for (String sample : new String[] {
        id, id.toUpperCase(), "", "not-a-uuid", id + "x", id.substring(1), "x" + id.substring(1),
        id.replace('-', '_'), id.substring(0, 8) + "0" + id.substring(9), id.replaceFirst("3f", "3g"),
        id.replace("4c7e", "4c7é"), " " + id.substring(1), "{" + id.substring(1, 35) + "}"}) {
      assertThat(UuidText.isCanonical(sample)).as(sample).isEqualTo(SCHEMA.matcher(sample).matches());
    }
  }
}
