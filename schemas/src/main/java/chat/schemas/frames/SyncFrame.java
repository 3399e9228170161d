package chat.schemas.frames;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * {@code sync}: catch up after a (re)connect.
 *
 * @param cursors channel id (a JSON object key, so a string) → the highest seq the device has
 * @param limit messages per channel at most; null means the server's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SyncFrame(Map<String, Long> cursors, Integer limit) implements ClientFrame {
  public static final String TYPE = "sync";
}
