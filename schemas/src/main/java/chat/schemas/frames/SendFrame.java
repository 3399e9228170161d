package chat.schemas.frames;

import java.util.UUID;

/**
 * {@code send}: post {@code body} to {@code channel}. {@code client_msg_id} is chosen by the client
 * and reused on every retry of the same message, so a retry never makes a second message.
 */
public record SendFrame(long channel, UUID clientMsgId, String body) implements ClientFrame {
  public static final String TYPE = "send";
}
