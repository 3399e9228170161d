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
import java.util.UUID;

/**
 * Turns a client's text frame into a typed frame, or into the {@code error} frame that explains
 * what is wrong with it: not JSON, unknown type, a field missing or of the wrong shape, a body too
 * large. Pure: no I/O.
 *
 * <p>The two frames that make nearly all the traffic, {@code send} and {@code ping}, take a fast
 * path: plain checks of exactly what their schemas require, and the record built directly. Only a
 * frame those checks do not plainly accept goes through the JSON Schema validator, which either
 * accepts it after all (say a channel written {@code 42.0}) or explains what is wrong. Validation
 * was a fifth of the gateway's event-loop time before.
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

  private static final Result NOT_AN_OBJECT = Result.fail(ErrorCode.MALFORMED_JSON, "the frame is not a JSON object", null);

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
    JsonObject json = parse(text);
    if (json == null) {
      return NOT_AN_OBJECT;
    }
    ClientFrame plainlyValid = switch (json.getValue("type") instanceof String type ? type : "") {
      case SendFrame.TYPE -> plainSend(json);
      case PingFrame.TYPE -> plainPing(json);
      default -> null;
    };
    return plainlyValid != null ? Result.ok(plainlyValid) : validated(json);
  }

  /** Reads a frame through the schema validator only (what the fast path must agree with). */
  Result readValidated(String text) {
    JsonObject json = parse(text);
    return json == null ? NOT_AN_OBJECT : validated(json);
  }

  /** The frame as a JSON object, or null if it is not one. */
  private static JsonObject parse(String text) {
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  /** A {@code send} whose fields are plainly what ws/send requires and whose body fits; else null. */
  private SendFrame plainSend(JsonObject json) {
    if (json.getValue("channel") instanceof Number channel && (channel instanceof Integer || channel instanceof Long)
        && channel.longValue() >= 1
        && json.getValue("client_msg_id") instanceof String id && UuidText.isCanonical(id)
        && json.getValue("body") instanceof String body && !body.isEmpty() && fits(body)) {
      return new SendFrame(channel.longValue(), UUID.fromString(id), body);
    }
    return null;
  }

  /** A {@code ping} with no ref or a short string one; else null. */
  private static PingFrame plainPing(JsonObject json) {
    Object ref = json.getValue("ref");
    if (ref == null && !json.containsKey("ref")) {
      return new PingFrame(null);
    }
    // maxLength counts code points; 64 UTF-16 units are at most 64 of them
    return ref instanceof String text && text.length() <= 64 ? new PingFrame(text) : null;
  }

  private boolean fits(String body) {
    // a UTF-16 unit is at most 3 bytes of UTF-8: most bodies need no encoding to be measured
    return body.length() * 3L <= maxBodyBytes || body.getBytes(StandardCharsets.UTF_8).length <= maxBodyBytes;
  }

  private Result validated(JsonObject json) {
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
