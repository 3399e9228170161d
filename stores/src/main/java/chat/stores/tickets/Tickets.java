package chat.stores.tickets;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * One-time WebSocket tickets: a browser cannot set an Authorization header on a WebSocket, so the
 * api hands out a random ticket bound to the caller's session, valid for a few seconds, that a
 * gateway accepts once (Redis {@code GETDEL}, so two gateways cannot both accept it).
 */
public final class Tickets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Redis redis;
  private final int ttlSeconds;

  public Tickets(Redis redis, int ttlSeconds) {
    this.redis = redis;
    this.ttlSeconds = ttlSeconds;
  }

  /** Who a ticket was issued to. */
  public record Holder(long userId, UUID sessionId) {}

  public Future<String> issue(long userId, UUID sessionId) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return redis.send(Request.cmd(Command.SET).arg(key(ticket)).arg(userId + ":" + sessionId).arg("EX").arg(ttlSeconds))
        .map(ticket);
  }

  /** The ticket's holder, and the ticket is gone; empty when unknown, expired or already used. */
  public Future<Optional<Holder>> redeem(String ticket) {
    if (ticket == null || ticket.isEmpty() || ticket.length() > 64) {
      return Future.succeededFuture(Optional.empty());
    }
    return redis.send(Request.cmd(Command.GETDEL).arg(key(ticket))).map(reply -> {
      if (reply == null) {
        return Optional.empty();
      }
      String[] parts = reply.toString().split(":", 2);
      return Optional.of(new Holder(Long.parseLong(parts[0]), UUID.fromString(parts[1])));
    });
  }

  public int ttlSeconds() {
    return ttlSeconds;
  }

  private static String key(String ticket) {
    return "ticket:" + ticket;
  }
}
