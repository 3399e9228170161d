package chat.devstack.pushsandbox;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Set;

/**
 * APNs (HTTP/2 over TLS): accepts only HTTP/2 requests with a provider token signed ES256 by the
 * sandbox's .p8 key (kid = key id, iss = team id, issued within the hour), this app's
 * {@code apns-topic}, a known {@code apns-push-type}, a {@code apns-collapse-id} of at most 64
 * bytes, and an {@code aps} dictionary.
 */
public final class ApnsEndpoint {

  public static final String KEY_ID = "SANDBOXKEY";
  public static final String TEAM_ID = "SANDBOXTEAM";
  public static final String TOPIC = "org.chatplatform.sandbox";
  private static final Set<String> PUSH_TYPES = Set.of("alert", "background", "voip", "complication", "fileprovider", "mdm");

  private final Scripts scripts;
  private final KeyPair key;

  ApnsEndpoint(Scripts scripts) throws Exception {
    this.scripts = scripts;
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    this.key = generator.generateKeyPair();
  }

  /** The signing key as Apple hands it out: PKCS#8 PEM (a .p8 file). */
  public String p8() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  void handle(RoutingContext ctx) {
    String deviceToken = ctx.pathParam("token");
    scripts.attempts.add(new Scripts.Attempt(deviceToken, System.currentTimeMillis()));
    try {
      WebPushEndpoint.require(ctx.request().version() == HttpVersion.HTTP_2, "not HTTP/2");
      String authorization = ctx.request().getHeader("authorization");
      WebPushEndpoint.require(authorization != null && authorization.startsWith("bearer "), "no bearer provider token");
      SignedJWT jwt = SignedJWT.parse(authorization.substring(7));
      WebPushEndpoint.require("ES256".equals(jwt.getHeader().getAlgorithm().getName()), "provider token is not ES256");
      WebPushEndpoint.require(KEY_ID.equals(jwt.getHeader().getKeyID()), "kid is not the key id");
      if (!jwt.verify(new ECDSAVerifier((ECPublicKey) key.getPublic()))) {
        throw new SecurityException("provider token signature does not verify");
      }
      var claims = jwt.getJWTClaimsSet();
      WebPushEndpoint.require(TEAM_ID.equals(claims.getIssuer()), "iss is not the team id");
      long now = System.currentTimeMillis();
      WebPushEndpoint.require(claims.getIssueTime() != null && claims.getIssueTime().getTime() <= now + 60_000
          && claims.getIssueTime().getTime() > now - 3600_000, "iat missing, in the future, or older than an hour");
      WebPushEndpoint.require(TOPIC.equals(ctx.request().getHeader("apns-topic")), "apns-topic is not the app's bundle id");
      WebPushEndpoint.require(PUSH_TYPES.contains(ctx.request().getHeader("apns-push-type")), "apns-push-type missing or unknown");
      String collapse = ctx.request().getHeader("apns-collapse-id");
      WebPushEndpoint.require(collapse == null || collapse.getBytes(StandardCharsets.UTF_8).length <= 64, "apns-collapse-id over 64 bytes");
      JsonObject payload = ctx.body().asJsonObject();
      WebPushEndpoint.require(payload != null && payload.getJsonObject("aps") != null, "no aps dictionary");
      var scripted = scripts.next(deviceToken);
      if (scripted.isPresent()) {
        SandboxHttp.answer(ctx, scripted.get());
        return;
      }
      scripts.received.add(new Received("apns", deviceToken, payload.copy().put("collapse_id", collapse),
          System.currentTimeMillis()));
      ctx.response().putHeader("apns-id", java.util.UUID.randomUUID().toString()).setStatusCode(200).end();
    } catch (Exception e) {
      scripts.rejected.add("apns " + deviceToken + ": " + e.getMessage());
      ctx.response().setStatusCode(e instanceof SecurityException ? 403 : 400)
          .end(new JsonObject().put("reason", e instanceof SecurityException ? "InvalidProviderToken" : "BadRequest").encode());
    }
  }
}
