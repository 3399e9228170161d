package chat.pusher.providers;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reading the keys providers are configured with: PKCS#8 PEM (APNs .p8, FCM service accounts), raw P-256 (VAPID). */
public final class Keys {

  private Keys() {}

  /** A private key from PKCS#8 PEM text ({@code -----BEGIN PRIVATE KEY-----}); {@code algorithm} is EC or RSA. */
  public static PrivateKey pkcs8(String pem, String algorithm) throws GeneralSecurityException {
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  /** A P-256 private key from its raw 32-byte scalar, with the curve of the matching public key. */
  public static ECPrivateKey p256Private(byte[] raw, ECParameterSpec curve) throws GeneralSecurityException {
    return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, raw), curve));
  }

  /** The curve parameters of P-256. */
  public static ECParameterSpec p256() throws GeneralSecurityException {
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
    generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
    return ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
  }

  public static byte[] base64Url(String text) {
    return Base64.getUrlDecoder().decode(text.trim());
  }

  public static String base64Url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
