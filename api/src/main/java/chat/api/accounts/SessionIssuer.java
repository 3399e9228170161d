package chat.api.accounts;

import chat.runtime.auth.Tokens;
import chat.runtime.config.AuthConfig;
import chat.stores.sessions.Sessions;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Duration;

/** Opens a session for a user whose password was just set or checked, and signs its token. */
public final class SessionIssuer {

  private final Pool postgres;
  private final Sessions sessions;
  private final Tokens tokens;
  private final AuthConfig auth;

  public SessionIssuer(Pool postgres, Sessions sessions, Tokens tokens, AuthConfig auth) {
    this.postgres = postgres;
    this.sessions = sessions;
    this.tokens = tokens;
    this.auth = auth;
  }

  /** {token, session_id, user_id, expires_at}: the {@code Session} of the API contract. */
  public Future<JsonObject> open(long userId) {
    return sessions.create(postgres, userId, Duration.ofSeconds(auth.tokenTtlSeconds))
        .map(session -> new JsonObject()
            .put("token", tokens.issue(userId, session.id()))
            .put("session_id", session.id().toString())
            .put("user_id", userId)
            .put("expires_at", session.expiresAt().toString()));
  }
}
