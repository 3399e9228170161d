package chat.schemas.internal;

import java.util.List;

/**
 * Published by the router on Redis pub/sub {@code gw:{gateway_id}}: frames for users with a
 * device on that gateway, in {@link GatewayBatchCodec}'s form. {@code frame} is the server frame's
 * JSON text, written to each of the users' local sockets as is.
 */
public record GatewayBatch(List<Delivery> deliveries) {

  /** One frame for some users. */
  public record Delivery(List<Long> users, String frame) {}
}
