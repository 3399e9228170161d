package chat.bench.capacity;

import java.util.Arrays;
import java.util.List;

/**
 * Which connection goes where in the connection-capacity benchmark. Connections are numbered
 * 0…n−1; connection c is held by client process {@code c mod holders}, on gateway
 * {@code (c div holders + c mod holders) mod gateways} (so every client process spreads its
 * connections over every gateway), for user {@code c mod users}, as device {@code cap-c}.
 *
 * @param holders client processes
 * @param users accounts whose tokens the connections use
 * @param gateways the gateways' WebSocket URLs
 */
public record CapacityPlan(int holders, int users, List<String> gateways) {

  public CapacityPlan {
    if (holders < 1 || users < 1 || gateways.isEmpty()) {
      throw new IllegalArgumentException("a plan needs at least one holder, one user and one gateway");
    }
    gateways = List.copyOf(gateways);
  }

  /** The number of the {@code k}-th connection of client process {@code holder}. */
  public int connection(int holder, int k) {
    return holder + k * holders;
  }

  public int gatewayOf(int connection) {
    return (connection / holders + connection % holders) % gateways.size();
  }

  public int userOf(int connection) {
    return connection % users;
  }

  /** How many of the first {@code total} connections client process {@code holder} holds. */
  public int share(int total, int holder) {
    return Math.max(0, (total - holder + holders - 1) / holders);
  }

  /** One command-line argument: {@code holders;users;url,url,…}. */
  public String format() {
    return holders + ";" + users + ";" + String.join(",", gateways);
  }

  public static CapacityPlan parse(String text) {
    String[] parts = text.split(";", 3);
    return new CapacityPlan(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Arrays.asList(parts[2].split(",")));
  }
}
