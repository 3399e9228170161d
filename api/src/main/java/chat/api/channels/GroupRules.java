package chat.api.channels;

/** Who may change a group. Roles: {@code owner}, {@code admin}, {@code member}. Pure. */
public final class GroupRules {

  private GroupRules() {}

  /** Rename, add members. */
  public static boolean canManage(String role) {
    return "owner".equals(role) || "admin".equals(role);
  }

  /**
   * Anyone may remove themself (leave); the owner may remove anyone; an admin may remove plain
   * members; a member no one else.
   */
  public static boolean canRemove(long actorId, String actorRole, long targetId, String targetRole) {
    if (actorId == targetId) {
      return true;
    }
    return switch (actorRole) {
      case "owner" -> true;
      case "admin" -> "member".equals(targetRole);
      default -> false;
    };
  }
}
