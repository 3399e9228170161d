package chat.stores.delivery;

import chat.stores.RedisKeys;
import chat.stores.connections.Connections;
import chat.stores.membership.Memberships;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import chat.schemas.internal.GatewayBatch;
import chat.schemas.internal.GatewayBatchCodec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Live delivery to the connected devices of channel members (or of a list of users): members (one Redis round trip per
 * batch, PostgreSQL for misses), their gateways (one round trip), one pub/sub message per
 * gateway. Best-effort by design: devices that miss a frame catch up from history.
 */
public final class Fanout {

  private final Redis redis;
  private final Memberships memberships;
  private final Connections connections;

  public Fanout(Redis redis, Memberships memberships, Connections connections) {
    this.redis = redis;
    this.memberships = memberships;
    this.connections = connections;
  }

  /** Publishes the frames; completes with the members of each channel (for the caller's push decisions). */
  public Future<Delivered> publish(List<ChannelFrame> frames) {
    if (frames.isEmpty()) {
      return Future.succeededFuture(new Delivered(Map.of(), Map.of()));
    }
    Set<Long> channels = new HashSet<>();
    frames.forEach(f -> channels.add(f.channelId()));
    return memberships.membersOf(channels).compose(members -> {
      Set<Long> users = new HashSet<>();
      members.values().forEach(users::addAll);
      return connections.gatewaysOf(users).compose(gateways -> {
        Delivered delivered = new Delivered(members, gateways);
        return send(DeliveryPlan.plan(frames, members, gateways)).map(delivered);
      });
    });
  }

  /** Publishes one frame to the connected devices of some users (e.g. a user's friends); completes with how many were connected. */
  public Future<Integer> publishToUsers(String frame, Collection<Long> users) {
    if (users.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return connections.gatewaysOf(users)
        .compose(gateways -> send(DeliveryPlan.toUsers(frame, users, gateways)).map(gateways.size()));
  }

  private Future<Void> send(Map<String, GatewayBatch> batches) {
    if (batches.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Request> publishes = new ArrayList<>();
    batches.forEach((gateway, batch) ->
        publishes.add(Request.cmd(Command.PUBLISH).arg(RedisKeys.gatewayInbox(gateway)).arg(GatewayBatchCodec.encode(batch))));
    return redis.batch(publishes).mapEmpty();
  }

  /** Who the channels' members are, and which of them had a device connected somewhere. */
  public record Delivered(Map<Long, Set<Long>> membersByChannel, Map<Long, Set<String>> gatewaysByUser) {}
}
