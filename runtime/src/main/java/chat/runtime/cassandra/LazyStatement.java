package chat.runtime.cassandra;

import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;

/**
 * A statement prepared on first use and kept once prepared. A failed preparation (e.g. the table
 * does not exist yet because its owner has not started) is retried on the next use.
 */
public final class LazyStatement {

  private final CassandraClient cassandra;
  private final String cql;
  private Future<PreparedStatement> prepared;

  public LazyStatement(CassandraClient cassandra, String cql) {
    this.cassandra = cassandra;
    this.cql = cql;
  }

  public synchronized Future<PreparedStatement> get() {
    if (prepared == null || prepared.failed()) {
      prepared = cassandra.prepare(cql);
    }
    return prepared;
  }
}
