package chat.devstack.pushsandbox;

import io.vertx.core.json.JsonObject;

/**
 * A notification a sandbox endpoint accepted after checking it.
 *
 * @param provider {@code webpush}, {@code fcm} or {@code apns}
 * @param target the subscription id (Web Push), registration token (FCM) or device token (APNs)
 * @param payload what the device would get: the decrypted Web Push payload, the FCM message, the APNs JSON
 * @param atMs when it arrived
 */
public record Received(String provider, String target, JsonObject payload, long atMs) {}
