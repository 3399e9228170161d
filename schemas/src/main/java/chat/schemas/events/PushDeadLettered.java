package chat.schemas.events;

/**
 * On {@code chat.push.dead}, key = user id: a notification the pusher gave up on for one device
 * (after its attempts, or refused for good by the provider), kept for inspection and replay.
 *
 * @param provider {@code webpush}, {@code fcm} or {@code apns}
 * @param reason the last answer, e.g. {@code 500 after 5 attempts}
 */
public record PushDeadLettered(long userId, String deviceId, String provider, long channelId, long seq, long unread,
    int attempts, String reason, long at) {}
