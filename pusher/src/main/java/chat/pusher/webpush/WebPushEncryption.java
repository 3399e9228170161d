package chat.pusher.webpush;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188):
 * an ephemeral P-256 key agreed with the subscription's key (JDK ECDH), two HKDF-SHA-256
 * derivations (BouncyCastle) mixing in the subscription's auth secret, one AES-128-GCM record
 * (JDK). The output is the whole request body: the RFC 8188 header (salt, record size, the
 * ephemeral public key) then the ciphertext.
 */
public final class WebPushEncryption {

  private static final int RECORD_SIZE = 4096;
  private static final SecureRandom RANDOM = new SecureRandom();

  private WebPushEncryption() {}

  /** Encrypts with a fresh ephemeral key and salt. */
  public static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return encrypt(plaintext, uaPublic, authSecret, generator.generateKeyPair(), salt);
  }

  /** Encrypts with the given ephemeral key pair and salt (fixed values reproduce the RFC's example). */
  public static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret, KeyPair ephemeral, byte[] salt)
      throws GeneralSecurityException {
    if (plaintext.length > RECORD_SIZE - 17 - 86) {
      throw new IllegalArgumentException("payload too large for one record: " + plaintext.length + " bytes");
    }
    ECPublicKey asPublicKey = (ECPublicKey) ephemeral.getPublic();
    byte[] asPublic = uncompressed(asPublicKey);
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(ephemeral.getPrivate());
    agreement.doPhase(publicKey(uaPublic, asPublicKey.getParams()), true);
    byte[] ecdhSecret = agreement.generateSecret();

    // RFC 8291 §3.4: IKM = HKDF(auth_secret, ecdh_secret, "WebPush: info" || 0x00 || ua_public || as_public, 32)
    byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
    byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
    // RFC 8188 §2.2, 2.3: CEK and nonce from the salt
    byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
    byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
    byte[] ciphertext = cipher.doFinal(concat(plaintext, new byte[] {2})); // 0x02: the last (and only) record

    ByteBuffer body = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length + ciphertext.length);
    body.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic).put(ciphertext);
    return body.array();
  }

  /** HKDF-SHA-256 (RFC 5869) extract-and-expand. */
  static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) {
    HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
    hkdf.init(new HKDFParameters(ikm, salt, info));
    byte[] out = new byte[length];
    hkdf.generateBytes(out, 0, length);
    return out;
  }

  /** A P-256 public key from its uncompressed point encoding (0x04 || X || Y). */
  public static PublicKey publicKey(byte[] uncompressed, ECParameterSpec params) throws GeneralSecurityException {
    if (uncompressed.length != 65 || uncompressed[0] != 4) {
      throw new GeneralSecurityException("not an uncompressed P-256 point");
    }
    BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(uncompressed, 1, 33));
    BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(uncompressed, 33, 65));
    return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), params));
  }

  /** The uncompressed point encoding of a P-256 public key. */
  public static byte[] uncompressed(ECPublicKey key) {
    byte[] out = new byte[65];
    out[0] = 4;
    copyUnsigned(key.getW().getAffineX(), out, 1);
    copyUnsigned(key.getW().getAffineY(), out, 33);
    return out;
  }

  private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
    byte[] bytes = value.toByteArray();
    int start = bytes.length > 32 ? bytes.length - 32 : 0;
    int length = bytes.length - start;
    System.arraycopy(bytes, start, out, offset + 32 - length, length);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    ByteBuffer all = ByteBuffer.allocate(length);
    for (byte[] part : parts) {
      all.put(part);
    }
    return all.array();
  }
}
