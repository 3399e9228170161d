package chat.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {

  @Test
  void the_asyncapi_document_describes_every_websocket_frame_schema_and_only_existing_ones() throws Exception {
    JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(Path.of("asyncapi.yaml").toFile());
    List<String> payloads = new ArrayList<>();
    document.at("/components/messages").forEach(message -> payloads.add(message.at("/payload/$ref").asText()));

    List<String> frameSchemas = SchemaCatalog.NAMES.stream().filter(name -> name.startsWith("ws/"))
        .map(name -> "./src/main/resources/schemas/" + name + ".json").toList();
    assertThat(payloads).containsExactlyInAnyOrderElementsOf(frameSchemas);
    payloads.forEach(ref -> assertThat(Files.exists(Path.of(ref))).as(ref).isTrue());
  }
}
