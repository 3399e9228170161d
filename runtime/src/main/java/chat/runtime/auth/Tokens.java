package chat.runtime.auth;

import chat.runtime.config.AuthConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.time.Duration;
import java.util.UUID;

/**
 * Issues and verifies access tokens: HS256 JWTs whose {@code sub} is the user id and {@code sid}
 * the login session (checked against revocation by the caller). Tokens verified once are
 * remembered by their exact text until their {@code exp} ({@code auth.verifiedTokenCache} of
 * them): a client sends the same token with every request, and decoding it and checking its
 * signature was a fifth of the CPU of an api read. A forged or altered token is never the text of
 * one that verified, and failures are not remembered.
 */
public final class Tokens {

  /** What a valid token says. */
  public record Claims(long userId, UUID sessionId) {}

  private record Verified(Claims claims, long expiresAtMillis) {}

  private final JWTAuth jwt;
  private final AuthConfig config;
  private final Cache<String, Verified> verified;

  public Tokens(Vertx vertx, AuthConfig config) {
    this.config = config;
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(config.signingSecret))
        .setJWTOptions(new JWTOptions().setIssuer(config.issuer).setLeeway(5)));
    this.verified = Caffeine.newBuilder()
        .maximumSize(Math.max(0, config.verifiedTokenCache))
        .expireAfterWrite(Duration.ofSeconds(Math.max(1, config.tokenTtlSeconds)))
        .executor(Runnable::run) // upkeep on the caller's thread, no pool of its own
        .build();
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
    Verified known = verified.getIfPresent(token);
    if (known != null && System.currentTimeMillis() < known.expiresAtMillis()) {
      return Future.succeededFuture(known.claims());
    }
    return jwt.authenticate(new TokenCredentials(token)).compose(user -> {
      try {
        JsonObject principal = user.principal();
        Long exp = user.attributes().getLong("exp");
        if (exp == null) {
          // a token that never expires is not one this service issues
          return Future.failedFuture(new IllegalArgumentException("token without expiry"));
        }
        Claims claims = new Claims(Long.parseLong(principal.getString("sub")), UUID.fromString(principal.getString("sid")));
        verified.put(token, new Verified(claims, exp * 1000));
        return Future.succeededFuture(claims);
      } catch (RuntimeException e) {
        return Future.failedFuture(new IllegalArgumentException("token without a numeric sub and a session id"));
      }
    });
  }
}
