package chat.schemas;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * The one JSON codec of the contracts: snake_case field names, unknown fields ignored (newer
 * peers may add fields). Shapes are checked by the JSON Schemas of {@link SchemaCatalog}, not here.
 */
public final class Json {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static String encode(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] encodeToBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decodes a JSON text; a malformed text or a mismatching shape throws {@link JsonProcessingException}. */
  public static <T> T decode(String text, Class<T> type) throws JsonProcessingException {
    return MAPPER.readValue(text, type);
  }

  public static <T> T decode(byte[] bytes, Class<T> type) throws java.io.IOException {
    return MAPPER.readValue(bytes, type);
  }
}
