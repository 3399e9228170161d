package chat.schemas.frames;

import java.util.List;

/**
 * {@code presence_list}: answer to {@code presence_query}. {@code refused} lists the asked users
 * that are neither friends nor co-members (or that block you, or you them, or that do not exist).
 */
public record PresenceListFrame(List<PresenceState> users, List<Long> refused) implements ServerFrame {}
