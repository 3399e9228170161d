package chat.schemas.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * On {@code chat.presence}, key = user id. {@code connected} / {@code disconnected}: a device's
 * connection opened or closed on a gateway (or the gateway was found dead, {@code reason}
 * {@code gateway_lost}); {@code mode_changed}: the user turned invisible mode on or off.
 *
 * @param connectionId unique per WebSocket connection (a device that reconnects gets a new one)
 * @param at when it happened, ms since the epoch
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PresenceEvent(String kind, long userId, String deviceId, String connectionId, String gatewayId,
    Boolean invisible, String reason, long at) {

  public static final String CONNECTED = "connected";
  public static final String DISCONNECTED = "disconnected";
  public static final String MODE_CHANGED = "mode_changed";

  public static PresenceEvent connected(long userId, String deviceId, String connectionId, String gatewayId, long at) {
    return new PresenceEvent(CONNECTED, userId, deviceId, connectionId, gatewayId, null, null, at);
  }

  public static PresenceEvent disconnected(long userId, String deviceId, String connectionId, String gatewayId,
      String reason, long at) {
    return new PresenceEvent(DISCONNECTED, userId, deviceId, connectionId, gatewayId, null, reason, at);
  }

  public static PresenceEvent modeChanged(long userId, boolean invisible, long at) {
    return new PresenceEvent(MODE_CHANGED, userId, null, null, null, invisible, null, at);
  }
}
