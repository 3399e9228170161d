package chat.schemas;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The JSON Schemas of {@code src/main/resources/schemas}, by name ({@code ws/send},
 * {@code events/message-sequenced}, …), with validators built once and shared.
 */
public final class SchemaCatalog {

  /** Every schema this module ships. */
  public static final List<String> NAMES = List.of(
      "ws/send", "ws/history", "ws/sync", "ws/read", "ws/typing", "ws/ping", "ws/presence-query",
      "ws/welcome", "ws/accepted", "ws/message", "ws/error", "ws/history-page", "ws/synced", "ws/receipt",
      "ws/user-typing", "ws/pong", "ws/presence", "ws/presence-list",
      "events/message-submitted", "events/message-sequenced", "events/push-requested", "events/presence-event",
      "events/push-dead-lettered");

  private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
      .setDraft(Draft.DRAFT202012)
      .setBaseUri("https://chatplatform.org/schemas/")
      .setOutputFormat(OutputFormat.Basic);

  private static final Map<String, Validator> VALIDATORS = new ConcurrentHashMap<>();

  private SchemaCatalog() {}

  /** The schema document itself. */
  public static JsonObject schema(String name) {
    String resource = "schemas/" + name + ".json";
    try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no schema " + resource);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Validates {@code instance} against the named schema.
   *
   * @return empty when valid, else the first problem as {@code "<field>: <reason>"}
   */
  public static Optional<String> firstError(String name, Object instance) {
    Validator validator = VALIDATORS.computeIfAbsent(name,
        n -> Validator.create(JsonSchema.of(schema(n)), OPTIONS));
    OutputUnit result = validator.validate(instance);
    if (Boolean.TRUE.equals(result.getValid())) {
      return Optional.empty();
    }
    OutputUnit first = result.getErrors() == null || result.getErrors().isEmpty() ? result : result.getErrors().get(0);
    String location = first.getInstanceLocation() == null || first.getInstanceLocation().isEmpty()
        ? "frame" : first.getInstanceLocation().replaceFirst("^#?/?", "");
    return Optional.of((location.isEmpty() ? "frame" : location) + ": " + first.getError());
  }
}
