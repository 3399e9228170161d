package chat.pusher.providers;

import chat.pusher.delivery.Notification;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * One push service (Web Push, FCM, APNs): sends one notification to one device's subscription
 * and says what happened. Never fails its future for a provider's answer; only for a local bug.
 */
public interface PushProvider {

  /** The {@code push_kind} of the devices it serves: {@code webpush}, {@code fcm}, {@code apns}. */
  String kind();

  /** @param subscription the device's stored subscription (without its kind) */
  Future<Outcome> send(JsonObject subscription, Notification notification);
}
