package chat.stores.presence;

import chat.schemas.frames.PresenceState;
import java.util.Optional;

/**
 * What one user may see of another's presence. Pure. Friends and co-members (members of a shared
 * channel) see the status; only friends see when the user was last active; a block either way
 * shows nothing; a user in invisible mode shows as offline with no last activity (to themselves
 * they show as they are).
 */
public final class PresenceVisibility {

  private PresenceVisibility() {}

  /** What the asking user knows of their relation to the user asked about. */
  public record Relation(boolean self, boolean friend, boolean coMember, boolean blocked, boolean invisible) {}

  /** The state to show, or empty when the asker may not see this user at all. */
  public static Optional<PresenceState> view(long user, Relation relation, PresenceStore.State state) {
    if (relation.self()) {
      return Optional.of(new PresenceState(user, state.status(), lastActive(state)));
    }
    if (relation.blocked() || !(relation.friend() || relation.coMember())) {
      return Optional.empty();
    }
    if (relation.invisible()) {
      return Optional.of(new PresenceState(user, PresenceState.OFFLINE, null));
    }
    return Optional.of(new PresenceState(user, state.status(), relation.friend() ? lastActive(state) : null));
  }

  private static Long lastActive(PresenceStore.State state) {
    return state.lastActiveAt() > 0 ? state.lastActiveAt() : null;
  }
}
