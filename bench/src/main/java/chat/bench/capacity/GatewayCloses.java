package chat.bench.capacity;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The gateways' own count of closed connections by cause, read from their Prometheus text. */
public final class GatewayCloses {

  private static final Pattern CLOSED =
      Pattern.compile("^chat_gateway_connections_closed_total\\{cause=\"([a-z_]+)\",?} ([0-9.Ee+]+)$", Pattern.MULTILINE);

  private GatewayCloses() {}

  /** Adds the closes of one gateway's {@code /metrics} text to {@code into}, by cause. */
  public static Map<String, Long> add(Map<String, Long> into, String metrics) {
    Matcher matcher = CLOSED.matcher(metrics);
    while (matcher.find()) {
      into.merge(matcher.group(1), Math.round(Double.parseDouble(matcher.group(2))), Long::sum);
    }
    return into;
  }

  public static Map<String, Long> none() {
    return new TreeMap<>();
  }
}
