package chat.devstack.pushsandbox;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FCM HTTP v1 and its OAuth 2.0 token endpoint. The token endpoint only grants an access token
 * for a JWT bearer assertion (RFC 7523) signed RS256 by the service account's key, issued by its
 * email, for this token URI and the firebase.messaging scope; the send endpoint only accepts
 * messages for this project carrying a granted token.
 */
public final class FcmEndpoint {

  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

  private final Scripts scripts;
  private final KeyPair account;
  private final String project = "sandbox-project";
  private final String clientEmail = "pusher@sandbox-project.iam.gserviceaccount.com";
  private final Set<String> granted = ConcurrentHashMap.newKeySet();
  private String origin;

  FcmEndpoint(Scripts scripts) throws Exception {
    this.scripts = scripts;
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    this.account = generator.generateKeyPair();
  }

  void listeningAt(String origin) {
    this.origin = origin;
  }

  /** The service account key file, in Google's format, for this sandbox. */
  public JsonObject serviceAccount() {
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(account.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    return new JsonObject().put("type", "service_account").put("project_id", project).put("client_email", clientEmail)
        .put("private_key_id", "sandbox").put("private_key", pem).put("token_uri", origin + "/token");
  }

  /** The base URL to configure as the FCM endpoint. */
  public String endpoint() {
    return origin;
  }

  /** How many access tokens were granted (the pusher should reuse one until it expires). */
  public int tokensGranted() {
    return granted.size();
  }

  void token(RoutingContext ctx) {
    try {
      var form = ctx.request().formAttributes();
      WebPushEndpoint.require("urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type")), "wrong grant_type");
      SignedJWT jwt = SignedJWT.parse(form.get("assertion"));
      WebPushEndpoint.require("RS256".equals(jwt.getHeader().getAlgorithm().getName()), "assertion is not RS256");
      if (!jwt.verify(new RSASSAVerifier((RSAPublicKey) account.getPublic()))) {
        throw new SecurityException("assertion signature does not verify against the service account key");
      }
      var claims = jwt.getJWTClaimsSet();
      long now = System.currentTimeMillis();
      WebPushEndpoint.require(clientEmail.equals(claims.getIssuer()), "iss is not the service account");
      WebPushEndpoint.require(claims.getAudience() != null && claims.getAudience().contains(origin + "/token"), "aud is not the token URI");
      WebPushEndpoint.require(String.valueOf(claims.getClaim("scope")).contains(SCOPE), "scope lacks firebase.messaging");
      WebPushEndpoint.require(claims.getExpirationTime() != null && claims.getExpirationTime().getTime() > now
          && claims.getExpirationTime().getTime() <= now + 3_700_000L, "exp missing, past, or more than an hour ahead");
      String token = "ya29.sandbox-" + UUID.randomUUID();
      granted.add(token);
      ctx.json(new JsonObject().put("access_token", token).put("expires_in", 3599).put("token_type", "Bearer"));
    } catch (Exception e) {
      scripts.rejected.add("fcm token: " + e.getMessage());
      ctx.response().setStatusCode(400).end(new JsonObject().put("error", "invalid_grant")
          .put("error_description", String.valueOf(e.getMessage())).encode());
    }
  }

  void send(RoutingContext ctx) {
    String authorization = ctx.request().getHeader("authorization");
    if (authorization == null || !granted.contains(authorization.replaceFirst("^Bearer ", ""))) {
      scripts.rejected.add("fcm send: no granted access token");
      ctx.response().setStatusCode(401).end(error(401, "UNAUTHENTICATED", null));
      return;
    }
    try {
      WebPushEndpoint.require(project.equals(ctx.pathParam("project")), "not this project");
      JsonObject message = ctx.body().asJsonObject().getJsonObject("message");
      String token = message.getString("token");
      WebPushEndpoint.require(token != null, "message.token missing");
      scripts.attempts.add(new Scripts.Attempt(token, System.currentTimeMillis()));
      var scripted = scripts.next(token);
      if (scripted.isPresent()) {
        SandboxHttp.answer(ctx, scripted.get());
        return;
      }
      scripts.received.add(new Received("fcm", token, message, System.currentTimeMillis()));
      ctx.json(new JsonObject().put("name", "projects/" + project + "/messages/" + System.nanoTime()));
    } catch (Exception e) {
      scripts.rejected.add("fcm send: " + e.getMessage());
      ctx.response().setStatusCode(400).end(error(400, "INVALID_ARGUMENT", null));
    }
  }

  /** The body FCM gives with an error; {@code fcmCode} e.g. UNREGISTERED. */
  public static String error(int status, String statusText, String fcmCode) {
    JsonObject error = new JsonObject().put("code", status).put("status", statusText).put("message", statusText);
    if (fcmCode != null) {
      error.put("details", new io.vertx.core.json.JsonArray().add(new JsonObject()
          .put("@type", "type.googleapis.com/google.firebase.fcm.v1.FcmError").put("errorCode", fcmCode)));
    }
    return new JsonObject().put("error", error).encode();
  }
}
