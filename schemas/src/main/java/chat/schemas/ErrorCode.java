package chat.schemas;

import com.fasterxml.jackson.annotation.JsonValue;

/** Stable codes of {@code error} frames. Clients switch on them; never rename one. */
public enum ErrorCode {
  /** The frame is not a JSON object. */
  MALFORMED_JSON("malformed_json"),
  /** The frame's {@code type} is missing or not one the server knows. */
  UNKNOWN_TYPE("unknown_type"),
  /** The frame lacks a field, or a field has the wrong type or value; the message names the field. */
  INVALID_FRAME("invalid_frame"),
  /** The body is larger than the server accepts. */
  BODY_TOO_LARGE("body_too_large"),
  /** The sender is not a member of the channel, or the channel does not exist. */
  NOT_A_MEMBER("not_a_member"),
  /** A direct channel whose members are separated by a block (either way): nobody may send in it. */
  BLOCKED("blocked"),
  /** Too many frames; retry after the time the error gives. */
  RATE_LIMITED("rate_limited"),
  /** The server could not take the frame now (e.g. the log is unreachable); retry with the same client_msg_id. */
  UNAVAILABLE("unavailable");

  private final String code;

  ErrorCode(String code) {
    this.code = code;
  }

  @JsonValue
  public String code() {
    return code;
  }
}
