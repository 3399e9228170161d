package chat.devstack.engines;

/** The engines a devstack can run. */
public enum Engine {
  KAFKA,
  CASSANDRA,
  REDIS,
  POSTGRES
}
