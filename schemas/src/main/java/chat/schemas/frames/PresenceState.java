package chat.schemas.frames;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One user's presence as another user may see it.
 *
 * @param status {@code online} or {@code offline}
 * @param lastActiveAt when the user was last online (ms since the epoch); only friends see it, and
 *     never for a user in invisible mode
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PresenceState(long user, String status, Long lastActiveAt) {
  public static final String ONLINE = "online";
  public static final String OFFLINE = "offline";
}
