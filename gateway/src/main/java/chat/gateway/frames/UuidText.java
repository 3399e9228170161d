package chat.gateway.frames;

/**
 * Whether a string is a UUID in the canonical 8-4-4-4-12 hex form, exactly what the ws/send
 * schema's {@code client_msg_id} pattern accepts. A plain scan of 36 characters: the regular
 * expression it replaces took ~5 % of the gateway's event loop at 4,500 sends a second.
 */
final class UuidText {

  private static final int LENGTH = 36;

  private UuidText() {}

  static boolean isCanonical(String text) {
    if (text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : isHex(c);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
