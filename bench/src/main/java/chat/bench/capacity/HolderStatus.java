package chat.bench.capacity;

import java.util.Optional;

/**
 * What a client process of the capacity benchmark reports on stdout, every second and when it
 * reaches its target: {@code status <opened> <failed> <closed> <retried>}; failed counts
 * connections given up after their last attempt, closed counts sockets that were open and then
 * closed by the other side (or the network), retried counts attempts that failed and were made
 * again (as a real client reconnects).
 */
public record HolderStatus(int opened, int failed, int closed, int retried) {

  public static final HolderStatus NONE = new HolderStatus(0, 0, 0, 0);

  private static final String PREFIX = "status ";

  public String line() {
    return PREFIX + opened + " " + failed + " " + closed + " " + retried;
  }

  /** Attempts that have finished, either way. */
  public int settled() {
    return opened + failed;
  }

  /** The status in a line of the process's output, if it is one (the rest is its log). */
  public static Optional<HolderStatus> parse(String line) {
    if (!line.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] numbers = line.substring(PREFIX.length()).trim().split(" ");
    if (numbers.length != 4) {
      return Optional.empty();
    }
    try {
      return Optional.of(new HolderStatus(Integer.parseInt(numbers[0]), Integer.parseInt(numbers[1]), Integer.parseInt(numbers[2]),
          Integer.parseInt(numbers[3])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
