package chat.stores;

import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.Endpoints;
import chat.runtime.config.CassandraConfig;
import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** The test keyspace, and a blocking wait for futures. */
public final class StoresFixture {

  private StoresFixture() {}

  public static CassandraConfig cassandra(Endpoints engines) {
    CassandraConfig config = EngineConfigs.cassandra(engines);
    config.keyspace = "chat_stores_test";
    return config;
  }

  public static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
