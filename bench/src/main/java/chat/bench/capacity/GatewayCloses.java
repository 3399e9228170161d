package chat.bench.capacity;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateways' own count of closed connections by cause, read from their Prometheus text. A
 * connection a gateway closed before its WebSocket upgrade because the client sent no whole
 * request in time counts under {@value #HANDSHAKE_TIMED_OUT}: it tells a capacity run's aborted
 * handshakes apart (the gateway's deadline, or the client giving up).
 */
public final class GatewayCloses {

  private static final Pattern CLOSED =
      Pattern.compile("^chat_gateway_connections_closed_total\\{cause=\"([a-z_]+)\",?} ([0-9.Ee+]+)$", Pattern.MULTILINE);

  /** The cause under which connections closed before their upgrade are counted. */
  public static final String HANDSHAKE_TIMED_OUT = "handshake_timed_out";

  private static final Pattern HANDSHAKES_TIMED_OUT =
      Pattern.compile("^chat_gateway_handshakes_timed_out_total ([0-9.Ee+]+)$", Pattern.MULTILINE);

  private GatewayCloses() {}

  /** Adds the closes of one gateway's {@code /metrics} text to {@code into}, by cause. */
  public static Map<String, Long> add(Map<String, Long> into, String metrics) {
    Matcher matcher = CLOSED.matcher(metrics);
    while (matcher.find()) {
      into.merge(matcher.group(1), Math.round(Double.parseDouble(matcher.group(2))), Long::sum);
    }
    Matcher timedOut = HANDSHAKES_TIMED_OUT.matcher(metrics);
    if (timedOut.find()) {
      long count = Math.round(Double.parseDouble(timedOut.group(1)));
      if (count > 0) {
        into.merge(HANDSHAKE_TIMED_OUT, count, Long::sum);
      }
    }
    return into;
  }

  public static Map<String, Long> none() {
    return new TreeMap<>();
  }
}
