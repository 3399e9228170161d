package chat.runtime.config;

/** How a stage reaches Redis. */
public class RedisConfig {
  /** Connection string, {@code redis://[:password@]host:port[/db]}. */
  public String uri = "redis://127.0.0.1:6379";
  /** Connections in the command pool. */
  public int poolSize = 8;
}
