package chat.schemas.frames;

import java.util.List;

/** {@code synced}: the answer to {@code sync}, one entry per channel of the user. */
public record SyncedFrame(List<ChannelState> channels) implements ServerFrame {

  /**
   * A channel's head and the messages after the device's cursor.
   *
   * @param hasMore more messages follow the last one here
   */
  public record ChannelState(long channel, long head, List<MessageFrame> messages, boolean hasMore) {}
}
