package chat.schemas.frames;

import java.util.List;

/**
 * {@code presence_query}: the presence of these users (at most 100), e.g. the members of a group
 * being opened. Answered with {@code presence_list}; only friends and co-members are answered.
 */
public record PresenceQueryFrame(List<Long> users) implements ClientFrame {
  public static final String TYPE = "presence_query";
}
