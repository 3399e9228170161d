package chat.devstack.engines;

/** An engine could not be started; the message names the engine and says why. */
public final class EngineStartException extends RuntimeException {
  public EngineStartException(String engine, String reason) {
    super(engine + " did not start: " + reason);
  }

  public EngineStartException(String engine, String reason, Throwable cause) {
    super(engine + " did not start: " + reason, cause);
  }
}
