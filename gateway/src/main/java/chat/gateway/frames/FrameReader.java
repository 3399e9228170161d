package chat.gateway.frames;

import chat.schemas.ErrorCode;
import chat.schemas.Json;
import chat.schemas.SchemaCatalog;
import chat.schemas.frames.ClientFrame;
import chat.schemas.frames.ErrorFrame;
import chat.schemas.frames.HistoryFrame;
import chat.schemas.frames.PingFrame;
import chat.schemas.frames.PresenceQueryFrame;
import chat.schemas.frames.SendFrame;
import chat.schemas.frames.ReadFrame;
import chat.schemas.frames.SyncFrame;
import chat.schemas.frames.TypingFrame;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a client's text frame into a typed frame, or into the {@code error} frame that explains
 * what is wrong with it: not JSON, unknown type, a field missing or of the wrong shape, a body too
 * large. Pure: no I/O.
 */
public final class FrameReader {

  /** Client frame types and the schema each must satisfy. */
  private static final Map<String, String> SCHEMAS = Map.of(
      SendFrame.TYPE, "ws/send",
      HistoryFrame.TYPE, "ws/history",
      SyncFrame.TYPE, "ws/sync",
      ReadFrame.TYPE, "ws/read",
      TypingFrame.TYPE, "ws/typing",
      PingFrame.TYPE, "ws/ping",
      PresenceQueryFrame.TYPE, "ws/presence-query");

  private final int maxBodyBytes;

  public FrameReader(int maxBodyBytes) {
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Either a valid frame or an error; exactly one is present. */
  public record Result(ClientFrame frame, ErrorFrame error) {
    static Result ok(ClientFrame frame) {
      return new Result(frame, null);
    }

    static Result fail(ErrorCode code, String message, String ref) {
      return new Result(null, new ErrorFrame(code, message, ref));
    }
  }

  public Result read(String text) {
    JsonObject json;
    try {
      json = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return Result.fail(ErrorCode.MALFORMED_JSON, "the frame is not a JSON object", null);
    }
    Object type = json.getValue("type");
    String schema = type instanceof String name ? SCHEMAS.get(name) : null;
    if (schema == null) {
      return Result.fail(ErrorCode.UNKNOWN_TYPE, type == null ? "type: required property is missing"
          : "type: unknown frame type " + json.getValue("type"), null);
    }
    String ref = json.getValue("client_msg_id") instanceof String id ? id : null;
    Optional<String> invalid = SchemaCatalog.firstError(schema, json);
    if (invalid.isPresent()) {
      return Result.fail(ErrorCode.INVALID_FRAME, invalid.get(), ref);
    }
    if (json.getValue("body") instanceof String body && body.getBytes(StandardCharsets.UTF_8).length > maxBodyBytes) {
      return Result.fail(ErrorCode.BODY_TOO_LARGE, "body: larger than " + maxBodyBytes + " bytes", ref);
    }
    try {
      return Result.ok(Json.mapper().convertValue(json.getMap(), ClientFrame.class));
    } catch (IllegalArgumentException e) {
      return Result.fail(ErrorCode.INVALID_FRAME, "frame: " + e.getMessage(), ref);
    }
  }
}
