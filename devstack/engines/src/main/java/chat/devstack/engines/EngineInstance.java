package chat.devstack.engines;

/** A started engine: it can say where it listens and stop. */
interface EngineInstance extends AutoCloseable {

  /** Adds this engine's addresses to the endpoints under construction. */
  void describe(Endpoints.Builder endpoints);

  @Override
  void close();
}
