package chat.schemas.frames;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code ping}: the client's heartbeat, sent every {@code heartbeat_interval_ms} of the
 * {@code welcome} frame; answered with {@code pong}. Any frame keeps a connection alive, so a
 * client that sends often may skip pings.
 *
 * @param ref optional, echoed in the {@code pong} (to measure round trips)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PingFrame(String ref) implements ClientFrame {
  public static final String TYPE = "ping";
}
