package chat.schemas.frames;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code presence}: a friend came online or went offline. {@code version} grows with each change
 * of that user told to friends: keep the highest, ignore older ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PresenceFrame(long user, String status, Long lastActiveAt, long version) implements ServerFrame {}
