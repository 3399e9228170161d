package chat.pusher.delivery;

import chat.schemas.Json;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Deliveries waiting for their next attempt: a Redis sorted set {@code push:retry} of jobs (JSON)
 * scored by when they are due. A due job is taken by removing it, so one pusher instance retries it.
 */
public final class RetryQueue {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RetryQueue.class);

  static final String KEY = "push:retry";

  private final Redis redis;

  public RetryQueue(Redis redis) {
    this.redis = redis;
  }

  public Future<Void> schedule(DeliveryJob job, long dueMs) {
    return redis.send(Request.cmd(Command.ZADD).arg(KEY).arg(dueMs).arg(Json.encode(job))).mapEmpty();
  }

  public Future<List<DeliveryJob>> claimDue(long nowMs, int limit) {
    return redis.send(Request.cmd(Command.ZRANGEBYSCORE).arg(KEY).arg("-inf").arg(nowMs).arg("LIMIT").arg(0).arg(limit))
        .compose(members -> {
          List<String> due = new ArrayList<>();
          members.forEach(m -> due.add(m.toString()));
          List<Future<Boolean>> claims = due.stream()
              .map(m -> redis.send(Request.cmd(Command.ZREM).arg(KEY).arg(m)).map(r -> r.toInteger() == 1)).toList();
          return Future.all(claims).map(all -> {
            List<DeliveryJob> jobs = new ArrayList<>();
            for (int i = 0; i < due.size(); i++) {
              if (claims.get(i).result()) {
                decode(due.get(i)).ifPresent(jobs::add);
              }
            }
            return jobs;
          });
        });
  }

  private static java.util.Optional<DeliveryJob> decode(String json) {
    try {
      return java.util.Optional.of(Json.decode(json, DeliveryJob.class));
    } catch (Exception e) {
      log.error("dropping an undecodable retry: {}", e.getMessage());
      return java.util.Optional.empty();
    }
  }
}
