package chat.gateway.sessions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The sockets of this gateway, by user. Touched only from the gateway verticle's event loop. */
public final class LocalSessions {

  private final Map<Long, List<Session>> byUser = new HashMap<>();

  public void add(Session session) {
    byUser.computeIfAbsent(session.userId(), u -> new CopyOnWriteArrayList<>()).add(session);
  }

  public void remove(Session session) {
    List<Session> sessions = byUser.get(session.userId());
    if (sessions != null) {
      sessions.remove(session);
      if (sessions.isEmpty()) {
        byUser.remove(session.userId());
      }
    }
  }

  public List<Session> of(long userId) {
    return byUser.getOrDefault(userId, List.of());
  }

  public Set<Long> users() {
    return Set.copyOf(byUser.keySet());
  }

  /** Every session, for a pass over all of them (idle checks, shutdown). */
  public List<Session> all() {
    return byUser.values().stream().flatMap(List::stream).toList();
  }

  public int count() {
    return byUser.values().stream().mapToInt(List::size).sum();
  }
}
