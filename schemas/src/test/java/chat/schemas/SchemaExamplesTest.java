package chat.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import chat.schemas.events.MessageSequenced;
import chat.schemas.events.MessageSubmitted;
import chat.schemas.frames.ClientFrame;
import chat.schemas.frames.ServerFrame;
import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SchemaExamplesTest {

  /** The Java type each schema's instances decode to. */
  private static final Map<String, Class<?>> JAVA_TYPES = Map.ofEntries(
      Map.entry("ws/send", ClientFrame.class),
      Map.entry("ws/history", ClientFrame.class),
      Map.entry("ws/sync", ClientFrame.class),
      Map.entry("ws/read", ClientFrame.class),
      Map.entry("ws/typing", ClientFrame.class),
      Map.entry("ws/ping", ClientFrame.class),
      Map.entry("ws/presence-query", ClientFrame.class),
      Map.entry("ws/welcome", ServerFrame.class),
      Map.entry("ws/pong", ServerFrame.class),
      Map.entry("ws/presence", ServerFrame.class),
      Map.entry("ws/presence-list", ServerFrame.class),
      Map.entry("events/presence-event", chat.schemas.events.PresenceEvent.class),
      Map.entry("events/push-dead-lettered", chat.schemas.events.PushDeadLettered.class),
      Map.entry("ws/history-page", ServerFrame.class),
      Map.entry("ws/synced", ServerFrame.class),
      Map.entry("ws/receipt", ServerFrame.class),
      Map.entry("ws/user-typing", ServerFrame.class),
      Map.entry("ws/accepted", ServerFrame.class),
      Map.entry("ws/message", ServerFrame.class),
      Map.entry("ws/error", ServerFrame.class),
      Map.entry("events/message-submitted", MessageSubmitted.class),
      Map.entry("events/message-sequenced", MessageSequenced.class),
      Map.entry("events/push-requested", chat.schemas.events.PushRequested.class));

  static Stream<Arguments> examples() {
    return SchemaCatalog.NAMES.stream().flatMap(name -> {
      JsonArray examples = SchemaCatalog.schema(name).getJsonArray("examples");
      assertThat(examples).as("examples of " + name).isNotEmpty();
      return examples.stream().map(example -> Arguments.of(name, example));
    });
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examples")
  void every_example_validates_against_its_schema(String name, JsonObject example) {
    assertThat(SchemaCatalog.firstError(name, example)).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examples")
  void every_example_survives_a_round_trip_through_its_java_type(String name, JsonObject example) throws Exception {
    Object decoded = Json.decode(example.encode(), JAVA_TYPES.get(name));
    String reencoded = Json.encode(decoded);

    JsonNode expected = Json.mapper().readTree(example.encode());
    JsonNode actual = Json.mapper().readTree(reencoded);
    assertThat(actual).isEqualTo(expected);
    assertThat(SchemaCatalog.firstError(name, new JsonObject(reencoded))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("chat.schemas.SchemaExamplesTest#schemaNames")
  void every_schema_has_a_java_type(String name) {
    assertThat(JAVA_TYPES).containsKey(name);
  }

  static Stream<String> schemaNames() {
    return SchemaCatalog.NAMES.stream();
  }
}
