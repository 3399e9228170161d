package chat.schemas.internal;

import chat.schemas.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a {@link GatewayBatch} on {@code gw:{gateway_id}}. Each delivery is a header line
 * (its users' ids, comma-separated, a space, and the frame's length in bytes) followed by the
 * frame's UTF-8 bytes, exactly as they go to the sockets:
 *
 * <pre>
 * 12,15 62\n{"type":"message","channel":4,"seq":9,"sender":12,"body":"hi"}34 62\n{"type":...}
 * </pre>
 *
 * A frame is never escaped into a string of another JSON document, so the router writes its bytes
 * once and the gateway copies them to the sockets without decoding them. A payload that starts
 * with an opening brace is the JSON form published before (2026-12-03), still read: gateways can
 * be upgraded before the routers.
 */
public final class GatewayBatchCodec {

  private static final byte SPACE = ' ';
  private static final byte NEWLINE = '\n';
  private static final byte COMMA = ',';

  private GatewayBatchCodec() {}

  /** One frame for some users: {@code length} bytes of {@code bytes} from {@code offset}. */
  public record EncodedDelivery(List<Long> users, byte[] bytes, int offset, int length) {

    /** The frame as text (for tests and logs; the gateway writes the bytes). */
    public String frame() {
      return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }
  }

  public static byte[] encode(GatewayBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    for (GatewayBatch.Delivery delivery : batch.deliveries()) {
      if (delivery.users().isEmpty()) {
        continue;
      }
      byte[] frame = delivery.frame().getBytes(StandardCharsets.UTF_8);
      StringBuilder header = new StringBuilder(24);
      for (Long user : delivery.users()) {
        if (header.length() > 0) {
          header.append(',');
        }
        header.append(user.longValue());
      }
      header.append(' ').append(frame.length).append('\n');
      out.writeBytes(header.toString().getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(frame);
    }
    return out.toByteArray();
  }

  /**
   * The deliveries of a payload, in order.
   *
   * @throws IllegalArgumentException if the payload is neither form, or is cut short
   */
  public static List<EncodedDelivery> decode(byte[] payload) {
    if (payload.length > 0 && payload[0] == '{') {
      return decodeJson(payload);
    }
    List<EncodedDelivery> deliveries = new ArrayList<>();
    Cursor cursor = new Cursor(payload);
    while (!cursor.atEnd()) {
      List<Long> users = new ArrayList<>(2);
      do {
        users.add(cursor.number(Long.MAX_VALUE));
      } while (cursor.skip(COMMA));
      cursor.expect(SPACE);
      int length = (int) cursor.number(Integer.MAX_VALUE);
      cursor.expect(NEWLINE);
      deliveries.add(new EncodedDelivery(users, payload, cursor.take(length), length));
    }
    return deliveries;
  }

  /** Reads a payload front to back. */
  private static final class Cursor {
    private final byte[] bytes;
    private int at;

    Cursor(byte[] bytes) {
      this.bytes = bytes;
    }

    boolean atEnd() {
      return at >= bytes.length;
    }

    /** A decimal number from 0 to {@code max}. */
    long number(long max) {
      int start = at;
      long value = 0;
      while (at < bytes.length && bytes[at] >= '0' && bytes[at] <= '9') {
        int digit = bytes[at++] - '0';
        if (value > (max - digit) / 10) {
          throw new IllegalArgumentException("a number above " + max + " at byte " + start);
        }
        value = value * 10 + digit;
      }
      if (at == start) {
        throw new IllegalArgumentException("a number expected at byte " + at);
      }
      return value;
    }

    boolean skip(byte expected) {
      if (at < bytes.length && bytes[at] == expected) {
        at++;
        return true;
      }
      return false;
    }

    void expect(byte expected) {
      if (!skip(expected)) {
        throw new IllegalArgumentException("byte " + expected + " expected at byte " + at);
      }
    }

    /** Where the next {@code length} bytes start; moves past them. */
    int take(int length) {
      if (length > bytes.length - at) {
        throw new IllegalArgumentException("a frame of " + length + " bytes cut short at byte " + at);
      }
      int start = at;
      at += length;
      return start;
    }
  }

  private static List<EncodedDelivery> decodeJson(byte[] payload) {
    GatewayBatch batch;
    try {
      batch = Json.decode(new String(payload, StandardCharsets.UTF_8), GatewayBatch.class);
    } catch (Exception e) {
      throw new IllegalArgumentException("undecodable JSON batch: " + e.getMessage(), e);
    }
    List<EncodedDelivery> deliveries = new ArrayList<>(batch.deliveries().size());
    for (GatewayBatch.Delivery delivery : batch.deliveries()) {
      byte[] frame = delivery.frame().getBytes(StandardCharsets.UTF_8);
      deliveries.add(new EncodedDelivery(delivery.users(), frame, 0, frame.length));
    }
    return deliveries;
  }
}
