package chat.gateway;

import chat.runtime.config.AuthConfig;
import chat.runtime.config.CassandraConfig;
import chat.runtime.config.HttpConfig;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.PostgresConfig;
import chat.runtime.config.RedisConfig;
import chat.runtime.config.StartupConfig;
import java.util.UUID;

/** Configuration of a gateway ({@code CHAT_*} variables override the YAML file). */
public class GatewayConfig {
  /** This gateway's id: deliveries for its sockets arrive on Redis pub/sub {@code gw:{id}}. Unique per instance. */
  public String gatewayId = "gw-" + UUID.randomUUID().toString().substring(0, 8);
  /** Where health ({@code /healthz}, {@code /readyz}) and metrics ({@code /metrics}) listen: for probes and scrapers, not clients. */
  public HttpConfig http = new HttpConfig(8080);
  /** Where clients open WebSockets ({@code /v1/ws}); the only port to expose to them. */
  public HttpConfig websocket = new HttpConfig(8090);
  /**
   * The WebSocket URL clients are sent to by discovery (what a load balancer or ingress exposes).
   * Empty: {@code ws://<websocket.host>:<bound port>/v1/ws}.
   */
  public String publicUrl = "";
  /** How often the gateway refreshes its discovery entry (URL, connection count), seconds. */
  public int heartbeatSeconds = 5;
  /** A discovery entry older than this is not offered to clients, seconds (the api must use the same). */
  public int staleAfterSeconds = 15;
  /** Kafka, where sends are produced (chat.inbound). */
  public KafkaConfig kafka = new KafkaConfig();
  /** Redis: connection map, membership cache, deliveries. */
  public RedisConfig redis = new RedisConfig();
  /** PostgreSQL, read when the membership cache misses and for the user's channels on sync. */
  public PostgresConfig postgres = new PostgresConfig();
  /** Cassandra, where history and sync pages are read. */
  public CassandraConfig cassandra = new CassandraConfig();
  /** Access token verification. */
  public AuthConfig auth = new AuthConfig();
  /** Largest message body accepted, UTF-8 bytes. */
  public int maxBodyBytes = 16384;
  /** How long a device's entry in the connection map lives without a refresh, seconds. */
  public int connectionTtlSeconds = 90;
  /** How often the gateway refreshes its sockets' entries, seconds (well under the TTL). */
  public int refreshSeconds = 30;
  /** Bytes queued for one socket beyond which the client is too slow and is closed with 1013. */
  public int maxOutboundQueueBytes = 1 << 20;
  /** Frames a connection may send per second (sustained); excess gets {@code rate_limited}. */
  public double framesPerSecondPerConnection = 20;
  /** Frames a connection may send at once before the rate applies. */
  public double frameBurstPerConnection = 40;
  /**
   * Frames per second of one user across their devices on this gateway (a user whose devices
   * sit on several gateways has this budget on each).
   */
  public double framesPerSecondPerUser = 30;
  /** Frames a user may send at once across their devices on this gateway. */
  public double frameBurstPerUser = 60;
  /** How often clients are told (in {@code welcome}) to send a heartbeat ({@code ping}), seconds. */
  public int clientHeartbeatSeconds = 10;
  /**
   * A connection that sends no frame for this long is closed (code 4000) and its device counts as
   * gone, seconds. The presence stage's gateway timeout should be the same.
   */
  public int idleTimeoutSeconds = 30;
  /** Engine wait at startup. */
  public StartupConfig startup = new StartupConfig();
}
