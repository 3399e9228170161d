package chat.schemas.frames;

/**
 * {@code welcome}: the first frame of every connection. Tells the client who it is connected as
 * and how often to send a heartbeat: a connection that sends nothing for
 * {@code idle_timeout_ms} is closed (code 4000) and the device counts as gone.
 */
public record WelcomeFrame(long user, String device, long heartbeatIntervalMs, long idleTimeoutMs) implements ServerFrame {}
