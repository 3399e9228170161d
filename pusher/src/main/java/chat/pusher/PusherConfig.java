package chat.pusher;

import chat.pusher.apns.ApnsConfig;
import chat.pusher.fcm.FcmConfig;
import chat.pusher.webpush.WebPushConfig;
import chat.runtime.config.HttpConfig;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.PostgresConfig;
import chat.runtime.config.RedisConfig;
import chat.runtime.config.StartupConfig;

/** Configuration of the pusher ({@code CHAT_*} variables override the YAML file). */
public class PusherConfig {
  /** Kafka: chat.push is read, chat.push.dead written. */
  public KafkaConfig kafka = new KafkaConfig();
  /** Consumer group of the pushers. */
  public String groupId = "chat-pusher";
  /** Redis: coalescing windows, retries, and the connection map (is the user connected again?). */
  public RedisConfig redis = new RedisConfig();
  /** PostgreSQL: devices and their subscriptions, sender names. */
  public PostgresConfig postgres = new PostgresConfig();
  /** Health ({@code /healthz}, {@code /readyz}) and Prometheus metrics ({@code /metrics}). */
  public HttpConfig http = new HttpConfig(8086);
  /** Messages to one user in one channel within this window make one notification, ms. */
  public long coalesceMillis = 2_000;
  /** {@code full}: notifications show the message text; {@code none}: only who wrote (privacy). */
  public String preview = "full";
  /** Attempts per device before a notification goes to chat.push.dead. */
  public int maxAttempts = 5;
  /** First retry delay, ms; doubles per attempt, ±50 % jitter. */
  public long retryBaseMillis = 1_000;
  /** Longest retry delay, ms (a provider's Retry-After may ask for more, and gets it). */
  public long retryMaxMillis = 300_000;
  /** How often due notifications and retries are looked for, ms. */
  public long tickMillis = 200;
  /** Web Push (browsers). */
  public WebPushConfig webPush = new WebPushConfig();
  /** Firebase Cloud Messaging (Android, and iOS through Firebase). */
  public FcmConfig fcm = new FcmConfig();
  /** Apple Push Notification service (iOS, macOS). */
  public ApnsConfig apns = new ApnsConfig();
  /** Engine wait at startup. */
  public StartupConfig startup = new StartupConfig();
}
