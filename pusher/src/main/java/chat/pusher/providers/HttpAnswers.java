package chat.pusher.providers;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The shared reading of providers' HTTP answers. Pure. */
public final class HttpAnswers {

  private HttpAnswers() {}

  /** 2xx sent; 429 and 5xx retried (honouring Retry-After); 404 and 410 gone; other 4xx refused. */
  public static Outcome of(int status, String retryAfter, String body, long nowMs) {
    if (status >= 200 && status < 300) {
      return Outcome.SENT;
    }
    String reason = status + (body == null || body.isBlank() ? "" : " " + abbreviate(body));
    if (status == 429 || status >= 500) {
      return new Outcome.Retry(reason, retryAfterMs(retryAfter, nowMs));
    }
    if (status == 404 || status == 410) {
      return new Outcome.Gone(reason);
    }
    return new Outcome.Refused(reason);
  }

  /** Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now; 0 when absent or unreadable. */
  public static long retryAfterMs(String value, long nowMs) {
    if (value == null || value.isBlank()) {
      return 0;
    }
    String trimmed = value.trim();
    try {
      return Math.max(0, Long.parseLong(trimmed) * 1000);
    } catch (NumberFormatException notSeconds) {
      try {
        long at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        return Math.max(0, at - nowMs);
      } catch (DateTimeParseException notDate) {
        return 0;
      }
    }
  }

  /** A network failure (no answer at all) is worth another attempt. */
  public static Outcome noAnswer(Throwable failure) {
    return new Outcome.Retry("no answer: " + failure.getMessage(), 0);
  }

  private static String abbreviate(String body) {
    String flat = body.replaceAll("\\s+", " ").trim();
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }
}
