package chat.pusher.delivery;

/**
 * What one push says: the newest message of a channel the user has not read, and how many
 * unread messages the channel holds (the badge). {@code preview} is the message text, or null
 * when previews are off (privacy) or the text was not given.
 *
 * @param coalesced how many messages of the channel this one notification stands for
 */
public record Notification(long userId, long channelId, long seq, long senderId, String senderName, String preview,
    long badge, long sentAt, int coalesced) {

  /** The title a notification shows. */
  public String title() {
    return senderName == null || senderName.isBlank() ? "New message" : senderName;
  }

  /** The text a notification shows. */
  public String text() {
    if (preview != null) {
      return preview;
    }
    return coalesced > 1 ? coalesced + " new messages" : "New message";
  }

  /** A tag that makes a newer notification of the channel replace the older one on the device. */
  public String collapseKey() {
    return "channel-" + channelId;
  }
}
