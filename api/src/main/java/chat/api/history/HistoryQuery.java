package chat.api.history;

import chat.runtime.http.Problem;
import java.util.function.Function;

/**
 * The parameters of {@code GET /v1/channels/{id}/messages}, checked exactly as {@code openapi.yaml}
 * states them: a positive channel id; at most one of {@code before} (≥ 1), {@code after} (≥ 0)
 * and {@code around} (≥ 1); {@code limit} 1–200, 50 by default. Absent cursors are -1.
 *
 * <p>The most frequent read of the api checks its own parameters instead of going through the
 * contract's request validator: vertx-openapi 5.0.7 builds a new schema validator for every
 * parameter of every request (copying the contract's whole schema map), which was a fifth of the
 * api's CPU at 500 reads a second.
 */
public record HistoryQuery(long channelId, long before, long after, long around, int limit) {

  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 200;

  /** The query, or a 400 {@code invalid_field} problem naming the parameter. */
  public static HistoryQuery parse(String channelId, Function<String, String> query) {
    long channel = number("channelId", channelId, 1, Long.MAX_VALUE, -1);
    long before = number("before", query.apply("before"), 1, Long.MAX_VALUE, -1);
    long after = number("after", query.apply("after"), 0, Long.MAX_VALUE, -1);
    long around = number("around", query.apply("around"), 1, Long.MAX_VALUE, -1);
    int limit = (int) number("limit", query.apply("limit"), 1, MAX_LIMIT, DEFAULT_LIMIT);
    if ((before > 0 ? 1 : 0) + (after >= 0 ? 1 : 0) + (around > 0 ? 1 : 0) > 1) {
      throw Problem.badRequest("invalid_field", "before, after, around: give at most one");
    }
    return new HistoryQuery(channel, before, after, around, limit);
  }

  /** Whether this asks for the latest page or one before a seq (the pages the recent cache can answer). */
  public boolean backwards() {
    return after < 0 && around < 0;
  }

  private static long number(String name, String value, long min, long max, long absent) {
    if (value == null) {
      return absent;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw Problem.badRequest("invalid_field", name + ": an integer from " + min + (max == Long.MAX_VALUE ? " up" : " to " + max)
        + " is required");
  }
}
