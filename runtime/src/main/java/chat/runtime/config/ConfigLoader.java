package chat.runtime.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a stage's typed config: the defaults of the config class, then the YAML file (if any),
 * then environment variables. Every field {@code a.bC} can be set by {@code CHAT_A_B_C}.
 * Unknown keys in the YAML file are an error, so a typo never silently falls back to a default.
 */
public final class ConfigLoader {

  public static final String ENV_PREFIX = "CHAT_";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ConfigLoader() {}

  public static <T> T load(Class<T> type, Path yamlFile, Map<String, String> env) {
    try {
      ObjectNode tree = YAML.valueToTree(type.getDeclaredConstructor().newInstance());
      if (yamlFile != null) {
        if (!Files.exists(yamlFile)) {
          throw new ConfigException("config file " + yamlFile + " does not exist");
        }
        JsonNode file = YAML.readTree(yamlFile.toFile());
        if (file != null && !file.isMissingNode() && !file.isNull()) {
          merge(tree, file, "");
        }
      }
      applyEnvironment(tree, ENV_PREFIX, env);
      return YAML.treeToValue(tree, type);
    } catch (ConfigException e) {
      throw e;
    } catch (IOException e) {
      throw new ConfigException("invalid config: " + e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " needs a public no-argument constructor", e);
    }
  }

  /** Environment variable name of a config path such as {@code kafka.bootstrapServers}. */
  public static String envName(String path) {
    return ENV_PREFIX + path.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static void merge(ObjectNode target, JsonNode source, String path) {
    if (!source.isObject()) {
      throw new ConfigException("config " + (path.isEmpty() ? "file" : path) + " must be a mapping");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
      JsonNode existing = target.get(field.getKey());
      if (existing == null) {
        throw new ConfigException("unknown config key '" + key + "'");
      }
      if (existing.isObject()) {
        merge((ObjectNode) existing, field.getValue(), key);
      } else {
        target.set(field.getKey(), field.getValue());
      }
    }
  }

  private static void applyEnvironment(ObjectNode node, String path, Map<String, String> env) {
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = path + field.getKey().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
      if (field.getValue().isObject()) {
        applyEnvironment((ObjectNode) field.getValue(), name + "_", env);
      } else if (env.containsKey(name)) {
        field.setValue(new TextNode(env.get(name)));
      }
    }
  }

  /** A config that cannot be used; the message says which key or file. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
