package chat.api.channels;

import chat.runtime.http.Problem;

/** The two users of a direct channel in canonical order (lowest id first): one row per pair. */
public record DirectPair(long low, long high) {

  public static DirectPair of(long me, long peer) {
    if (me == peer) {
      throw Problem.badRequest("invalid_peer", "peer: cannot open a direct channel with yourself");
    }
    return new DirectPair(Math.min(me, peer), Math.max(me, peer));
  }
}
