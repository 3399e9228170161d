package chat.gateway.admission;

import chat.gateway.edge.UpgradeRequest;
import chat.gateway.edge.Upgrades;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Problem;
import chat.stores.sessions.Sessions;
import chat.stores.tickets.Tickets;
import io.vertx.core.Future;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who opens a WebSocket: a one-time ticket from discovery ({@code ?ticket=}), else an access token
 * ({@code Authorization: Bearer} or {@code ?access_token=}); either way of a session still active.
 * The device is {@code ?device=} (a new random id when absent).
 */
public final class Admitter {

  private static final Pattern DEVICE_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");

  private final BearerAuth auth;
  private final Tickets tickets;
  private final Sessions loginSessions;

  public Admitter(BearerAuth auth, Tickets tickets, Sessions loginSessions) {
    this.auth = auth;
    this.tickets = tickets;
    this.loginSessions = loginSessions;
  }

  public Future<Upgrades.Admission> admit(UpgradeRequest request) {
    String device = request.param("device");
    if (device != null && !DEVICE_ID.matcher(device).matches()) {
      return Problem.badRequest("invalid_field", "device: 1 to 64 characters of A-Z, a-z, 0-9, _ and -").asFuture();
    }
    String deviceId = device != null ? device : UUID.randomUUID().toString();
    return user(request)
        .recover(e -> Problem.unauthorized("a valid access token or ticket is required").asFuture())
        .map(userId -> new Upgrades.Admission(userId, deviceId));
  }

  private Future<Long> user(UpgradeRequest request) {
    String ticket = request.param("ticket");
    if (ticket == null) {
      return auth.authenticate(request.authorization(), request.param("access_token")).map(claims -> claims.userId());
    }
    return tickets.redeem(ticket).compose(holder -> holder.isEmpty()
        ? Future.failedFuture(new IllegalArgumentException("unknown, expired or used ticket"))
        : loginSessions.isActive(holder.get().sessionId()).compose(active -> active
            ? Future.succeededFuture(holder.get().userId())
            : Future.failedFuture(new IllegalArgumentException("session revoked"))));
  }
}
