package chat.runtime.redis;

import chat.runtime.config.RedisConfig;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

/** Redis clients: one pipelined connection for commands; pub/sub needs a connection of its own. */
public final class RedisClients {

  private RedisClients() {}

  /** Commands of one verticle (or test), pipelined on one connection: see {@link PipelinedRedis}. */
  public static Redis commands(Vertx vertx, RedisConfig config) {
    return new PipelinedRedis(vertx, Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(config.uri)
        .setMaxPoolSize(4)
        .setMaxPoolWaiting(64)
        .setMaxWaitingHandlers(config.maxInFlight)));
  }
}
