package chat.stores.history;

import chat.schemas.Json;
import chat.schemas.frames.MessageFrame;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A message in the form clients read it, already encoded: the JSON of its {@code message} frame,
 * with its seq. The recent-messages cache holds messages in this form, so a page read from it is
 * passed on as bytes (the api splices them into its answer) instead of being decoded and encoded
 * again for every read.
 */
public record MessageJson(long seq, Buffer json) {

  public static MessageJson of(StoredMessage message) {
    return new MessageJson(message.seq(), Buffer.buffer(Json.encodeToBytes(message.frame())));
  }

  /** Decoded, for those that build frames of it. */
  public MessageFrame frame() {
    try {
      return Json.decode(json.getBytes(), MessageFrame.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
