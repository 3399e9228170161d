package chat.pusher.webpush;

/** Web Push (RFC 8030, 8291, 8292): the application server's VAPID identity and message options. */
public class WebPushConfig {
  /** The VAPID public key: an uncompressed P-256 point, base64url (what browsers get as applicationServerKey). Empty: Web Push off. */
  public String vapidPublicKey = "";
  /** The VAPID private key: the raw 32-byte P-256 scalar, base64url. Keep it secret. */
  public String vapidPrivateKey = "";
  /** Contact for the push services, {@code mailto:} or {@code https:} (the JWT's {@code sub}). */
  public String subject = "mailto:ops@example.com";
  /** How long a push service keeps an undelivered message, seconds ({@code TTL} header). */
  public int ttlSeconds = 86_400;
  /** {@code Urgency} header: very-low, low, normal or high. */
  public String urgency = "high";
  /** Accept any server certificate: for a local test push service only, never in production. */
  public boolean trustAll = false;
}
