package chat.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;

import chat.runtime.config.AuthConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TokensTest {

  private static Vertx vertx;

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Tokens tokens(int cache) {
    AuthConfig config = new AuthConfig();
    config.verifiedTokenCache = cache;
    return new Tokens(vertx, config);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Throwable failure(Future<?> future) throws Exception {
    return future.transform(ar -> Future.succeededFuture(ar.cause())).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void a_token_verifies_to_its_own_claims_every_time_it_is_presented() throws Exception {
    Tokens tokens = tokens(100);
    UUID aliceSession = UUID.randomUUID();
    UUID bobSession = UUID.randomUUID();
    String alice = tokens.issue(41, aliceSession);
    String bob = tokens.issue(42, bobSession);

    for (int i = 0; i < 3; i++) {
      assertThat(await(tokens.verify(alice))).isEqualTo(new Tokens.Claims(41, aliceSession));
      assertThat(await(tokens.verify(bob))).isEqualTo(new Tokens.Claims(42, bobSession));
    }
  }

  @Test
  void an_altered_token_fails_even_after_the_original_verified() throws Exception {
    Tokens tokens = tokens(100);
    String token = tokens.issue(41, UUID.randomUUID());
    await(tokens.verify(token));

    // The signature's first character: all six of its bits are signature bits. (The last character
    // carries two unused bits, so changing it alone can leave the decoded signature as it was.)
    int at = token.lastIndexOf('.') + 1;
    char first = token.charAt(at);
    String altered = token.substring(0, at) + (first == 'A' ? 'B' : 'A') + token.substring(at + 1);
    assertThat(failure(tokens.verify(altered))).isNotNull();
    assertThat(failure(tokens.verify(token + "x"))).isNotNull();
  }

  @Test
  void a_token_signed_with_another_secret_fails() throws Exception {
    AuthConfig other = new AuthConfig();
    other.signingSecret = "another-secret-another-secret-another-secret";
    String foreign = new Tokens(vertx, other).issue(41, UUID.randomUUID());

    assertThat(failure(tokens(100).verify(foreign))).isNotNull();
    assertThat(failure(tokens(100).verify(" "))).hasMessageContaining("missing token");
  }

  @Test
  void with_the_cache_off_tokens_still_verify() throws Exception {
    Tokens tokens = tokens(0);
    UUID session = UUID.randomUUID();
    String token = tokens.issue(7, session);

    assertThat(await(tokens.verify(token))).isEqualTo(new Tokens.Claims(7, session));
    assertThat(await(tokens.verify(token))).isEqualTo(new Tokens.Claims(7, session));
  }
}
