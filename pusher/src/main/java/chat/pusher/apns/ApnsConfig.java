package chat.pusher.apns;

/** Apple Push Notification service: HTTP/2 with a token-based (ES256 .p8 key) provider identity. */
public class ApnsConfig {
  /** The .p8 signing key (PKCS#8 PEM) from the Apple developer account. Empty: APNs off. */
  public String keyFile = "";
  /** The key's id (the JWT's {@code kid}). */
  public String keyId = "";
  /** The developer team id (the JWT's {@code iss}). */
  public String teamId = "";
  /** The app's bundle id ({@code apns-topic}). */
  public String topic = "";
  /** Base URL for devices registered with {@code environment: production} (the default). */
  public String productionEndpoint = "https://api.push.apple.com";
  /** Base URL for devices registered with {@code environment: sandbox} (development builds). */
  public String sandboxEndpoint = "https://api.sandbox.push.apple.com";
  /** Accept any server certificate: for a local test endpoint only, never in production. */
  public boolean trustAll = false;
  /** How long APNs keeps an undelivered notification, seconds ({@code apns-expiration}). */
  public int ttlSeconds = 86_400;
}
