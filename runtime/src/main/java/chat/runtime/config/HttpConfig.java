package chat.runtime.config;

/** Where a stage's HTTP server listens. */
public class HttpConfig {
  /** Bind address. */
  public String host = "127.0.0.1";
  /** Port; 0 picks a free one. */
  public int port;

  public HttpConfig() {}

  public HttpConfig(int port) {
    this.port = port;
  }
}
