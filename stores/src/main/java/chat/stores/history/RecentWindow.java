package chat.stores.history;

import java.util.List;

/**
 * Whether the newest messages cached for a channel answer a backward page exactly: the page must
 * be the {@code limit} seqs just below the start, with no gap (seqs have none in history), or all
 * of them down to seq 1. Anything less (a cache that lost its key, was filled partly, or missed a
 * write) is not an answer, and the caller reads Cassandra instead.
 */
public final class RecentWindow {

  private RecentWindow() {}

  /**
   * @param top the highest seq cached, 0 when nothing is cached
   * @param fromSeq the highest seq wanted (the head for the latest page, {@code before - 1} otherwise)
   * @param limit how many messages are wanted
   * @param seqs the cached seqs at or below {@code fromSeq}, newest first, at most {@code limit}
   */
  public static boolean covers(long top, long fromSeq, int limit, List<Long> seqs) {
    if (top <= 0) {
      return false;
    }
    long first = Math.min(top, fromSeq);
    long expected = Math.max(0, Math.min(limit, first));
    if (seqs.size() != expected) {
      return false;
    }
    for (int i = 0; i < seqs.size(); i++) {
      if (seqs.get(i) != first - i) {
        return false;
      }
    }
    return true;
  }
}
