package chat.devstack.pushsandbox;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A push service as a browser's subscription reaches it (RFC 8030), that only accepts what a real
 * one would: a VAPID JWT (RFC 8292) signed ES256 by the application server's key, for this
 * origin, not expired, with a contact; and a body encrypted for the subscription (RFC 8291,
 * aes128gcm), which it decrypts with the subscription's private key and auth secret.
 */
public final class WebPushEndpoint {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Scripts scripts;
  private final String applicationServerKey;
  private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
  private String origin;

  /** A browser's side of a subscription: the keys only it holds. */
  private record Subscriber(KeyPair keys, byte[] authSecret) {}

  WebPushEndpoint(Scripts scripts, String applicationServerKey) {
    this.scripts = scripts;
    this.applicationServerKey = applicationServerKey;
  }

  void listeningAt(String origin) {
    this.origin = origin;
  }

  /** A new subscription, as {@code PushSubscription.toJSON()} gives it: {endpoint, keys: {p256dh, auth}}. */
  public JsonObject subscribe(String id) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      byte[] auth = new byte[16];
      RANDOM.nextBytes(auth);
      Subscriber subscriber = new Subscriber(generator.generateKeyPair(), auth);
      subscribers.put(id, subscriber);
      return new JsonObject().put("endpoint", origin + "/push/" + id).put("keys", new JsonObject()
          .put("p256dh", b64(point((ECPublicKey) subscriber.keys().getPublic()))).put("auth", b64(auth)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  void handle(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    scripts.attempts.add(new Scripts.Attempt(id, System.currentTimeMillis()));
    Subscriber subscriber = subscribers.get(id);
    if (subscriber == null) {
      ctx.response().setStatusCode(404).end();
      return;
    }
    try {
      checkVapid(ctx.request().getHeader("authorization"));
      require("aes128gcm".equals(ctx.request().getHeader("content-encoding")), "Content-Encoding is not aes128gcm");
      require(ctx.request().getHeader("ttl") != null, "no TTL header");
      JsonObject payload = new JsonObject(new String(decrypt(ctx.body().buffer(), subscriber), StandardCharsets.UTF_8));
      var scripted = scripts.next(id);
      if (scripted.isPresent()) {
        SandboxHttp.answer(ctx, scripted.get());
        return;
      }
      scripts.received.add(new Received("webpush", id, payload, System.currentTimeMillis()));
      ctx.response().setStatusCode(201).putHeader("location", origin + "/message/" + System.nanoTime()).end();
    } catch (Exception e) {
      scripts.rejected.add("webpush " + id + ": " + e.getMessage());
      ctx.response().setStatusCode(e instanceof SecurityException ? 403 : 400).end(String.valueOf(e.getMessage()));
    }
  }

  private void checkVapid(String authorization) throws Exception {
    require(authorization != null && authorization.startsWith("vapid "), "no vapid authorization");
    String token = null;
    String key = null;
    for (String part : authorization.substring(6).split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair[0].equals("t")) {
        token = pair[1];
      } else if (pair[0].equals("k")) {
        key = pair[1];
      }
    }
    if (!applicationServerKey.equals(key)) {
      throw new SecurityException("k is not the application server key");
    }
    SignedJWT jwt = SignedJWT.parse(token);
    require("ES256".equals(jwt.getHeader().getAlgorithm().getName()), "VAPID JWT is not ES256");
    if (!jwt.verify(new ECDSAVerifier(publicKey(Base64.getUrlDecoder().decode(key))))) {
      throw new SecurityException("VAPID signature does not verify against k");
    }
    var claims = jwt.getJWTClaimsSet();
    if (claims.getAudience() == null || !claims.getAudience().contains(origin)) {
      throw new SecurityException("aud is not " + origin);
    }
    Date exp = claims.getExpirationTime();
    long now = System.currentTimeMillis();
    if (exp == null || exp.getTime() <= now || exp.getTime() > now + 24 * 3600_000L) {
      throw new SecurityException("exp missing, past, or more than 24 h ahead");
    }
    String sub = claims.getSubject();
    require(sub != null && (sub.startsWith("mailto:") || sub.startsWith("https:")), "sub is not a mailto: or https: contact");
  }

  /** RFC 8188 / 8291 decryption, one record. */
  private static byte[] decrypt(Buffer body, Subscriber subscriber) throws Exception {
    byte[] bytes = body.getBytes();
    ByteBuffer in = ByteBuffer.wrap(bytes);
    byte[] salt = new byte[16];
    in.get(salt);
    int recordSize = in.getInt();
    int keyLength = in.get() & 0xff;
    byte[] asPublic = new byte[keyLength];
    in.get(asPublic);
    byte[] ciphertext = Arrays.copyOfRange(bytes, in.position(), bytes.length);
    require(ciphertext.length <= recordSize, "more than one record");

    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(subscriber.keys().getPrivate());
    agreement.doPhase(publicKey(asPublic), true);
    byte[] uaPublic = point((ECPublicKey) subscriber.keys().getPublic());
    byte[] info = ByteBuffer.allocate(14 + 65 + 65).put("WebPush: info\0".getBytes(StandardCharsets.US_ASCII))
        .put(uaPublic).put(asPublic).array();
    byte[] ikm = Hkdf.derive(subscriber.authSecret(), agreement.generateSecret(), info, 32);
    byte[] cek = Hkdf.derive(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
    byte[] nonce = Hkdf.derive(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
    byte[] padded = cipher.doFinal(ciphertext);
    int end = padded.length - 1;
    while (end >= 0 && padded[end] == 0) {
      end--;
    }
    require(end >= 0 && padded[end] == 2, "last record delimiter is not 0x02");
    return Arrays.copyOf(padded, end);
  }

  private static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
    require(point.length == 65 && point[0] == 4, "not an uncompressed P-256 point");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    var params = ((ECPublicKey) generator.generateKeyPair().getPublic()).getParams();
    ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)), new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
  }

  static byte[] point(ECPublicKey key) {
    byte[] out = new byte[65];
    out[0] = 4;
    byte[] x = key.getW().getAffineX().toByteArray();
    byte[] y = key.getW().getAffineY().toByteArray();
    System.arraycopy(x, Math.max(0, x.length - 32), out, 1 + 32 - Math.min(32, x.length), Math.min(32, x.length));
    System.arraycopy(y, Math.max(0, y.length - 32), out, 33 + 32 - Math.min(32, y.length), Math.min(32, y.length));
    return out;
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
