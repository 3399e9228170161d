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
}
