package chat.schemas.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * On {@code chat.push}, key = user id: a member with no connected device got a message.
 *
 * @param unread the member's unread count in the channel after this message (the badge)
 * @param body the message's text, for a preview (the pusher may leave it out, by its config)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushRequested(long userId, long channelId, long seq, long senderId, long unread, long sentAt, String body) {}
