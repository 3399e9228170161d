package chat.pusher.fcm;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.client.WebClient;
import java.util.Date;

/**
 * OAuth 2.0 access tokens for FCM by the JWT bearer flow (RFC 7523): a JWT signed RS256 with the
 * service account's key is exchanged at the token endpoint; the token is cached until a minute
 * before it expires, and one exchange serves all the requests waiting for it.
 */
public final class FcmTokens {

  static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";

  private final WebClient http;
  private final ServiceAccount account;
  private Future<String> token;
  private long expiresAtMs;

  public FcmTokens(WebClient http, ServiceAccount account) {
    this.http = http;
    this.account = account;
  }

  public synchronized Future<String> token(long nowMs) {
    if (token == null || (token.isComplete() && (token.failed() || nowMs >= expiresAtMs))) {
      token = exchange(nowMs);
    }
    return token;
  }

  /** The provider said the token is no longer good: the next call fetches a new one. */
  public synchronized void invalidate() {
    token = null;
  }

  private Future<String> exchange(long nowMs) {
    String assertion;
    try {
      assertion = assertion(nowMs);
    } catch (JOSEException e) {
      return Future.failedFuture(e);
    }
    return http.postAbs(account.tokenUri())
        .sendForm(MultiMap.caseInsensitiveMultiMap()
            .add("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
            .add("assertion", assertion))
        .compose(response -> {
          if (response.statusCode() != 200) {
            return Future.failedFuture("token endpoint answered " + response.statusCode() + " " + response.bodyAsString());
          }
          long expiresIn = response.bodyAsJsonObject().getLong("expires_in", 3600L);
          synchronized (this) {
            expiresAtMs = nowMs + Math.max(0, expiresIn - 60) * 1000;
          }
          return Future.succeededFuture(response.bodyAsJsonObject().getString("access_token"));
        });
  }

  String assertion(long nowMs) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).build(), new JWTClaimsSet.Builder()
        .issuer(account.clientEmail())
        .audience(account.tokenUri())
        .claim("scope", SCOPE)
        .issueTime(new Date(nowMs))
        .expirationTime(new Date(nowMs + 3600_000))
        .build());
    jwt.sign(new RSASSASigner(account.privateKey()));
    return jwt.serialize();
  }
}
