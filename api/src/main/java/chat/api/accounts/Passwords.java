package chat.api.accounts;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashing (Spring Security's encoder over BouncyCastle), always on a worker
 * thread: one hash costs tens of milliseconds of CPU and 16 MiB, far too much for an event loop.
 */
public final class Passwords {

  private final Vertx vertx;
  private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
  /** Verified against when the user does not exist, so the answer takes as long either way; made on a worker at first use. */
  private volatile String decoy;

  public Passwords(Vertx vertx) {
    this.vertx = vertx;
  }

  public Future<String> hash(String password) {
    return vertx.executeBlocking(() -> encoder.encode(password), false);
  }

  /** Whether {@code password} matches {@code hash}; a null hash (unknown user) never matches but costs the same. */
  public Future<Boolean> matches(String password, String hash) {
    return vertx.executeBlocking(() -> encoder.matches(password, hash == null ? decoy() : hash) && hash != null, false);
  }

  private String decoy() {
    if (decoy == null) {
      decoy = encoder.encode("decoy-password-never-matches");
    }
    return decoy;
  }
}
