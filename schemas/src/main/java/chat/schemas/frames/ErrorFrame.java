package chat.schemas.frames;

import chat.schemas.ErrorCode;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code error}: a frame could not be taken. The connection stays open.
 *
 * @param code stable machine-readable code
 * @param message human-readable detail (names the offending field where there is one)
 * @param ref the {@code client_msg_id} of the offending send, when it could be read
 * @param retryAfterMs with {@code rate_limited}: how long to wait before the next frame
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorFrame(ErrorCode code, String message, String ref, Long retryAfterMs) implements ServerFrame {

  public ErrorFrame(ErrorCode code, String message, String ref) {
    this(code, message, ref, null);
  }

  public static ErrorFrame of(ErrorCode code, String message) {
    return new ErrorFrame(code, message, null);
  }
}
