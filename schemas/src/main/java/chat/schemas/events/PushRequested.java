package chat.schemas.events;

/**
 * On {@code chat.push}, key = user id: a member with no connected device got a message.
 *
 * @param unread the member's unread count in the channel after this message (the badge)
 */
public record PushRequested(long userId, long channelId, long seq, long senderId, long unread, long sentAt) {}
