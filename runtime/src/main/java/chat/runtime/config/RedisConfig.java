package chat.runtime.config;

/** How a stage reaches Redis. */
public class RedisConfig {
  /** Connection string, {@code redis://[:password@]host:port[/db]}. */
  public String uri = "redis://127.0.0.1:6379";
  /**
   * Commands awaiting their reply on a client's pipelined connection; one more fails at once
   * instead of queueing (a stall of Redis then shows as errors, not as memory).
   */
  public int maxInFlight = 16_384;
}
