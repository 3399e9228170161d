package chat.devstack.pushsandbox;

import java.util.Map;

/** A scripted answer of a sandbox endpoint for one target: a status, headers and a body. */
public record Answer(int status, Map<String, String> headers, String body) {

  public static Answer of(int status) {
    return new Answer(status, Map.of(), "");
  }

  public static Answer of(int status, String body) {
    return new Answer(status, Map.of(), body);
  }

  public Answer withHeader(String name, String value) {
    java.util.Map<String, String> all = new java.util.HashMap<>(headers);
    all.put(name, value);
    return new Answer(status, Map.copyOf(all), body);
  }
}
