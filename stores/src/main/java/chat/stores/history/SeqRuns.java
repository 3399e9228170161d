package chat.stores.history;

import java.util.ArrayList;
import java.util.List;

/** Ascending seqs as runs of consecutive ones: 3, 4, 5, 9, 10 → [3, 5], [9, 10]. Pure. */
final class SeqRuns {

  /** From {@code from} to {@code to}, both included. */
  record Run(long from, long to) {}

  private SeqRuns() {}

  /** The runs of {@code ascending}, which must be strictly increasing. */
  static List<Run> of(Iterable<Long> ascending) {
    List<Run> runs = new ArrayList<>();
    long from = 0;
    long to = 0;
    boolean open = false;
    for (long seq : ascending) {
      if (open && seq <= to) {
        throw new IllegalArgumentException("seqs must be strictly increasing: " + seq + " after " + to);
      }
      if (open && seq == to + 1) {
        to = seq;
        continue;
      }
      if (open) {
        runs.add(new Run(from, to));
      }
      from = seq;
      to = seq;
      open = true;
    }
    if (open) {
      runs.add(new Run(from, to));
    }
    return runs;
  }
}
