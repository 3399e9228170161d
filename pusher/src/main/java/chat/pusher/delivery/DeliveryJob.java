package chat.pusher.delivery;

/**
 * One notification for one device, and how many times it was tried: the unit that is retried
 * (kept in Redis meanwhile, so a restarted pusher carries on) and dead-lettered.
 *
 * @param subscription the device's stored subscription, JSON text
 */
public record DeliveryJob(String id, String deviceId, String kind, String subscription, Notification notification,
    int attempt) {

  public DeliveryJob nextAttempt() {
    return new DeliveryJob(id, deviceId, kind, subscription, notification, attempt + 1);
  }
}
