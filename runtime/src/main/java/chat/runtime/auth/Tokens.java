package chat.runtime.auth;

import chat.runtime.config.AuthConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.util.UUID;

/**
 * Issues and verifies access tokens: HS256 JWTs whose {@code sub} is the user id and {@code sid}
 * the login session (checked against revocation by the caller).
 */
public final class Tokens {

  /** What a valid token says. */
  public record Claims(long userId, UUID sessionId) {}

  private final JWTAuth jwt;
  private final AuthConfig config;

  public Tokens(Vertx vertx, AuthConfig config) {
    this.config = config;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(config.signingSecret))
        .setJWTOptions(new JWTOptions().setIssuer(config.issuer).setLeeway(5)));
  }

  public String issue(long userId, UUID sessionId) {
    return jwt.generateToken(new JsonObject().put("sub", Long.toString(userId)).put("sid", sessionId.toString()),
        new JWTOptions().setAlgorithm("HS256").setIssuer(config.issuer).setExpiresInSeconds(config.tokenTtlSeconds));
  }

  /** The claims of a valid token; fails for a missing, malformed, expired or wrongly signed one. */
  public Future<Claims> verify(String token) {
    if (token == null || token.isBlank()) {
      return Future.failedFuture(new IllegalArgumentException("missing token"));
    }
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      try {
        JsonObject principal = user.principal();
        if (!user.attributes().containsKey("exp")) {
          // a token that never expires is not one this service issues
          return Future.failedFuture(new IllegalArgumentException("token without expiry"));
        }
        return Future.succeededFuture(new Claims(Long.parseLong(principal.getString("sub")),
            UUID.fromString(principal.getString("sid"))));
      } catch (RuntimeException e) {
        return Future.failedFuture(new IllegalArgumentException("token without a numeric sub and a session id"));
      }
    });
  }
}
