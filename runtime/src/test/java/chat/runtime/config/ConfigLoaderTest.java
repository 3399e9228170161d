package chat.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  public static class SampleConfig {
    public KafkaConfig kafka = new KafkaConfig();
    public HttpConfig http = new HttpConfig(8080);
    public int maxBodyBytes = 16384;
  }

  @TempDir
  Path dir;

  @Test
  void defaults_apply_when_nothing_is_given() {
    SampleConfig config = ConfigLoader.load(SampleConfig.class, null, Map.of());

    assertThat(config.http.port).isEqualTo(8080);
    assertThat(config.kafka.bootstrapServers).isEqualTo("127.0.0.1:9092");
  }

  @Test
  void the_yaml_file_overrides_defaults_and_keeps_the_rest() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yaml"), "kafka:\n  bootstrapServers: k1:9092\nmaxBodyBytes: 100\n");

    SampleConfig config = ConfigLoader.load(SampleConfig.class, file, Map.of());

    assertThat(config.kafka.bootstrapServers).isEqualTo("k1:9092");
    assertThat(config.kafka.partitions).isEqualTo(6);
    assertThat(config.maxBodyBytes).isEqualTo(100);
  }

  @Test
  void environment_variables_override_the_yaml_file() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yaml"), "http:\n  port: 9000\n");

    SampleConfig config = ConfigLoader.load(SampleConfig.class, file,
        Map.of("CHAT_HTTP_PORT", "9100", "CHAT_KAFKA_BOOTSTRAP_SERVERS", "k2:9092", "CHAT_MAX_BODY_BYTES", "42"));

    assertThat(config.http.port).isEqualTo(9100);
    assertThat(config.kafka.bootstrapServers).isEqualTo("k2:9092");
    assertThat(config.maxBodyBytes).isEqualTo(42);
  }

  @Test
  void an_unknown_key_is_an_error_naming_it() throws Exception {
    Path file = Files.writeString(dir.resolve("c.yaml"), "kafka:\n  bootstrapServer: typo:9092\n");

    assertThatThrownBy(() -> ConfigLoader.load(SampleConfig.class, file, Map.of()))
        .hasMessageContaining("kafka.bootstrapServer");
  }

  @Test
  void a_value_of_the_wrong_type_is_an_error() {
    assertThatThrownBy(() -> ConfigLoader.load(SampleConfig.class, null, Map.of("CHAT_HTTP_PORT", "eighty")))
        .isInstanceOf(ConfigLoader.ConfigException.class);
  }

  @Test
  void env_names_are_derived_from_camel_case_paths() {
    assertThat(ConfigLoader.envName("kafka.bootstrapServers")).isEqualTo("CHAT_KAFKA_BOOTSTRAP_SERVERS");
  }
}
