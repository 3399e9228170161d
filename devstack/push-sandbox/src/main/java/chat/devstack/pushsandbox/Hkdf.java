package chat.devstack.pushsandbox;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA-256 (RFC 5869) on the JDK's HMAC, for the sandbox's decryption: written apart from
 * the pusher's encryption (which uses BouncyCastle), so that one mistake cannot hide in both.
 */
final class Hkdf {

  private Hkdf() {}

  static byte[] derive(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
    Mac extract = Mac.getInstance("HmacSHA256");
    extract.init(new SecretKeySpec(salt, "HmacSHA256"));
    byte[] prk = extract.doFinal(ikm);
    Mac expand = Mac.getInstance("HmacSHA256");
    expand.init(new SecretKeySpec(prk, "HmacSHA256"));
    expand.update(info);
    expand.update((byte) 1);
    byte[] block = expand.doFinal();
    byte[] out = new byte[length];
    System.arraycopy(block, 0, out, 0, length);
    return out;
  }
}
