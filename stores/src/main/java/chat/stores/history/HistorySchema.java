package chat.stores.history;

import chat.runtime.config.CassandraConfig;
import io.vertx.cassandra.CassandraClient;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import io.vertx.core.Future;
import java.time.Duration;

/**
 * The history keyspace and tables (DESIGN §3), created if missing. The persister owns them and
 * runs this at startup; statements are idempotent ({@code IF NOT EXISTS}).
 */
public final class HistorySchema {

  private HistorySchema() {}

  /** Schema changes wait for agreement and can take seconds on a busy node; queries keep the driver's 2 s. */
  private static final Duration DDL_TIMEOUT = Duration.ofSeconds(30);

  /** The keyspace, then its tables at once: each schema change takes about a second, and they are independent. */
  public static Future<Void> ensure(CassandraClient cassandra, CassandraConfig config) {
    String ks = config.keyspace;
    return ddl(cassandra, "CREATE KEYSPACE IF NOT EXISTS " + ks
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + config.replicationFactor + "}")
        .compose(keyspace -> Future.all(
            ddl(cassandra, "CREATE TABLE IF NOT EXISTS " + ks + ".messages ("
                + " channel_id bigint, bucket int, seq bigint,"
                + " sender_id bigint, device_id text, client_msg_id uuid, body text, sent_at timestamp,"
                + " PRIMARY KEY ((channel_id, bucket), seq))"
                + " WITH CLUSTERING ORDER BY (seq DESC)"),
            ddl(cassandra, "CREATE TABLE IF NOT EXISTS " + ks + ".channel_heads ("
                + " channel_id bigint PRIMARY KEY, head_seq bigint)"),
            ddl(cassandra, "CREATE TABLE IF NOT EXISTS " + ks + ".read_positions ("
                + " user_id bigint, channel_id bigint, read_seq bigint,"
                + " PRIMARY KEY (user_id, channel_id))")))
        .mapEmpty();
  }

  private static Future<?> ddl(CassandraClient cassandra, String cql) {
    return cassandra.execute(SimpleStatement.newInstance(cql).setTimeout(DDL_TIMEOUT));
  }
}
