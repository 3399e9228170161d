package chat.devstack.engines;

import static org.assertj.core.api.Assertions.assertThat;

import chat.runtime.config.CassandraConfig;
import org.junit.jupiter.api.Test;

class EngineConfigsTest {

  private static final Endpoints ENGINES = new Endpoints("127.0.0.1:9092", "127.0.0.1", 9042, "datacenter1",
      "redis://127.0.0.1:6379", "127.0.0.1", 5432, "postgres", "postgres", "postgres");

  @Test
  void the_persisters_batches_stay_under_the_devstack_nodes_warnings() {
    CassandraConfig cassandra = EngineConfigs.cassandra(ENGINES);

    assertThat(cassandra.batchPartitions).isLessThanOrEqualTo(CassandraEngine.BATCH_PARTITIONS_WARN).isGreaterThan(10);
    // a batch may run past its byte budget by a row (BatchPacking): keep a fifth in hand
    assertThat(cassandra.batchBytes).isLessThanOrEqualTo(CassandraEngine.BATCH_KIB_WARN * 1024 * 4 / 5).isGreaterThan(4_000);
  }

  @Test
  void stages_in_processes_of_their_own_get_the_same_batch_limits() {
    CassandraConfig cassandra = EngineConfigs.cassandra(ENGINES);

    assertThat(EngineConfigs.environment(ENGINES))
        .containsEntry("CHAT_CASSANDRA_BATCH_PARTITIONS", Integer.toString(cassandra.batchPartitions))
        .containsEntry("CHAT_CASSANDRA_BATCH_BYTES", Integer.toString(cassandra.batchBytes))
        .containsEntry("CHAT_CASSANDRA_CONTACT_POINTS", "127.0.0.1:9042");
  }
}
