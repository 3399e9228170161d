package chat.gateway.edge;

import java.util.List;
import java.util.Map;

/** A client's request to open a WebSocket: its query parameters and {@code Authorization} header. */
public record UpgradeRequest(Map<String, List<String>> params, String authorization) {

  /** The first value of query parameter {@code name}, or null. */
  public String param(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
