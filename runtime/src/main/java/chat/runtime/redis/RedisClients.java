package chat.runtime.redis;

import chat.runtime.config.RedisConfig;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

/** Redis clients: a pooled one for commands; pub/sub needs a connection of its own. */
public final class RedisClients {

  private RedisClients() {}

  public static Redis pooled(Vertx vertx, RedisConfig config) {
    return Redis.createClient(vertx, new RedisOptions()
        .setConnectionString(config.uri)
        .setMaxPoolSize(config.poolSize)
        .setMaxPoolWaiting(4096)
        .setMaxWaitingHandlers(16384));
  }
}
