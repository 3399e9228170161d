package chat.devstack.engines;

/** The engines a devstack can run. */
public enum Engine {
  KAFKA("Kafka"),
  CASSANDRA("Cassandra"),
  REDIS("Redis"),
  POSTGRES("PostgreSQL");

  private final String displayName;

  Engine(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }
}
