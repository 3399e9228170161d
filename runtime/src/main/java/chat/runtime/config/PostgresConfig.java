package chat.runtime.config;

/** How a stage reaches PostgreSQL. */
public class PostgresConfig {
  /** Host name. */
  public String host = "127.0.0.1";
  /** Port. */
  public int port = 5432;
  /** Database name. */
  public String database = "postgres";
  /** User name. */
  public String user = "postgres";
  /** Password. */
  public String password = "postgres";
  /** Connections in the pool. */
  public int poolSize = 8;
}
