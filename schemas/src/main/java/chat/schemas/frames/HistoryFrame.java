package chat.schemas.frames;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code history}: a page of a channel — after a seq, before a seq, around a seq, or the latest.
 *
 * @param limit at most this many messages; null means the server's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HistoryFrame(long channel, Long before, Long after, Long around, Integer limit) implements ClientFrame {
  public static final String TYPE = "history";
}
