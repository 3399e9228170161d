package chat.devstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import chat.api.ApiConfig;
import chat.gateway.GatewayConfig;
import chat.persister.PersisterConfig;
import chat.presence.PresenceConfig;
import chat.pusher.PusherConfig;
import chat.router.RouterConfig;
import chat.runtime.config.ConfigLoader;
import chat.sequencer.SequencerConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleConfigsTest {

  private static final Path DIR = Path.of("..", "..", "config");

  @Test
  void every_example_config_loads_into_its_stage_config_without_unknown_keys() {
    assertThat(ConfigLoader.load(GatewayConfig.class, DIR.resolve("gateway.yaml"), Map.of()).gatewayId).isEqualTo("gw-1");
    assertThat(ConfigLoader.load(ApiConfig.class, DIR.resolve("api.yaml"), Map.of()).loginAttemptsPerUsername).isEqualTo(10);
    assertThat(ConfigLoader.load(SequencerConfig.class, DIR.resolve("sequencer.yaml"), Map.of()).commitIntervalMs).isEqualTo(100);
    assertThat(ConfigLoader.load(PersisterConfig.class, DIR.resolve("persister.yaml"), Map.of()).groupId).isEqualTo("chat-persister");
    assertThat(ConfigLoader.load(RouterConfig.class, DIR.resolve("router.yaml"), Map.of()).http.port).isEqualTo(8084);
    assertThat(ConfigLoader.load(PresenceConfig.class, DIR.resolve("presence.yaml"), Map.of()).graceMillis).isEqualTo(5000);
    assertThat(ConfigLoader.load(PusherConfig.class, DIR.resolve("pusher.yaml"), Map.of()).coalesceMillis).isEqualTo(2000);
  }

  @Test
  void an_environment_variable_overrides_the_example_file() {
    GatewayConfig config = ConfigLoader.load(GatewayConfig.class, DIR.resolve("gateway.yaml"), Map.of("CHAT_GATEWAY_ID", "gw-9"));

    assertThat(config.gatewayId).isEqualTo("gw-9");
  }
}
