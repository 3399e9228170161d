package chat.stores.delivery;

/**
 * A server frame for the connected devices of a channel's members.
 *
 * @param frame the frame's JSON text, written to sockets as is
 * @param exceptUser a user who must not get it (e.g. the one typing), or 0
 */
public record ChannelFrame(long channelId, String frame, long exceptUser) {

  public static ChannelFrame toAll(long channelId, String frame) {
    return new ChannelFrame(channelId, frame, 0);
  }
}
