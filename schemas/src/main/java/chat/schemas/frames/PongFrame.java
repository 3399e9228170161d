package chat.schemas.frames;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code pong}: answer to {@code ping}, with the server's clock ({@code at}, ms since the epoch) and the ping's {@code ref}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PongFrame(long at, String ref) implements ServerFrame {}
