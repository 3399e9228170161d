package chat.stores;

import chat.devstack.engines.Endpoints;
import chat.runtime.config.CassandraConfig;
import chat.runtime.config.PostgresConfig;
import chat.runtime.config.RedisConfig;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Configs pointing at the test JVM's engines, and a blocking wait for futures. */
public final class StoresFixture {

  private StoresFixture() {}

  public static RedisConfig redis(Endpoints engines) {
    RedisConfig config = new RedisConfig();
    config.uri = engines.redisUri();
    return config;
  }

  public static PostgresConfig postgres(Endpoints engines) {
    PostgresConfig config = new PostgresConfig();
    config.host = engines.postgresHost();
    config.port = engines.postgresPort();
    config.database = engines.postgresDatabase();
    config.user = engines.postgresUser();
    config.password = engines.postgresPassword();
    return config;
  }

  public static CassandraConfig cassandra(Endpoints engines) {
    CassandraConfig config = new CassandraConfig();
    config.contactPoints = engines.cassandraHost() + ":" + engines.cassandraPort();
    config.localDatacenter = engines.cassandraDatacenter();
    config.keyspace = "chat_stores_test";
    return config;
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
