package chat.runtime.config;

/** How access tokens (JWT) are signed and checked. */
public class AuthConfig {
  /**
   * HMAC-SHA256 secret that signs and verifies access tokens. The default is for local
   * development only: set {@code CHAT_AUTH_SIGNING_SECRET} in any shared deployment.
   */
  public String signingSecret = "dev-only-secret-change-me-0123456789abcdef";
  /** The {@code iss} claim written and required. */
  public String issuer = "chat";
  /** Lifetime of an access token, seconds. */
  public int tokenTtlSeconds = 3600;
  /**
   * How many verified tokens each api or gateway instance remembers (until they expire), so a
   * client's next request with the same token skips decoding and checking its signature. The
   * session behind a token is still checked on every request, so a logout or revocation takes
   * effect at once. 0 turns the cache off.
   */
  public int verifiedTokenCache = 10_000;
}
