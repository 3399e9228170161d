package chat.stores;

import static chat.stores.StoresFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.Engine;
import chat.devstack.engines.TestEngines;
import chat.runtime.cassandra.CassandraClients;
import chat.runtime.config.CassandraConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The all-in-one's stages share one Cassandra session, and they all start at once. */
class SharedCassandraClientIT {

  /** A stage that connects in its start, as the api, gateway, persister and router do. */
  private static final class Stage extends VerticleBase {
    private final CassandraConfig config;
    private final List<String> releases;

    Stage(CassandraConfig config, List<String> releases) {
      this.config = config;
      this.releases = releases;
    }

    @Override
    public Future<?> start() {
      return CassandraClients.connect(vertx, config)
          .compose(client -> client.executeWithFullFetch("SELECT release_version FROM system.local"))
          .onSuccess(rows -> releases.add(rows.get(0).getString(0)));
    }
  }

  @Test
  void stages_connecting_the_shared_client_at_the_same_moment_all_start_and_can_query() throws Exception {
    CassandraConfig config = StoresFixture.cassandra(TestEngines.start(Engine.CASSANDRA));
    Vertx vertx = Vertx.vertx();
    try {
      List<String> releases = new CopyOnWriteArrayList<>();
      List<Future<String>> deployed = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        deployed.add(vertx.deployVerticle(new Stage(config, releases)));
      }

      await(Future.all(deployed));

      assertThat(releases).as("every stage ran its query").hasSize(4).allMatch(release -> !release.isBlank());
    } finally {
      await(vertx.close());
    }
  }
}
