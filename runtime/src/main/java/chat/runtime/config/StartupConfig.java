package chat.runtime.config;

/** How a stage waits for its engines when it starts. */
public class StartupConfig {
  /** How long to wait for every engine to be reachable before giving up, seconds. */
  public int engineWaitSeconds = 30;
}
