package chat.api;

import chat.runtime.config.AuthConfig;
import chat.runtime.config.CassandraConfig;
import chat.runtime.config.HttpConfig;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.PostgresConfig;
import chat.runtime.config.RedisConfig;
import chat.runtime.config.StartupConfig;

/** Configuration of the api stage ({@code CHAT_*} variables override the YAML file). */
public class ApiConfig {
  /** Where the HTTP API listens. */
  public HttpConfig http = new HttpConfig(8081);
  /** The relational store the api owns (it runs the migrations at startup). */
  public PostgresConfig postgres = new PostgresConfig();
  /** The membership cache the api keeps up to date. */
  public RedisConfig redis = new RedisConfig();
  /** History, read for {@code GET /v1/channels/{id}/messages}. */
  public CassandraConfig cassandra = new CassandraConfig();
  /** Kafka, where invisible-mode changes are told to the presence stage (chat.presence). */
  public KafkaConfig kafka = new KafkaConfig();
  /** Access token signing. */
  public AuthConfig auth = new AuthConfig();
  /** Engine wait at startup. */
  public StartupConfig startup = new StartupConfig();
  /** Log-in attempts allowed per username in any 60 seconds. */
  public int loginAttemptsPerUsername = 10;
  /** Log-in attempts allowed per client address in any 60 seconds. */
  public int loginAttemptsPerAddress = 60;
  /** Lifetime of a one-time WebSocket ticket from discovery, seconds. */
  public int ticketTtlSeconds = 10;
  /** A gateway whose discovery heartbeat is older than this is not offered, seconds (as the gateways' staleAfterSeconds). */
  public int gatewayStaleAfterSeconds = 15;
  /** Devices one account may register. */
  public int maxDevicesPerUser = 20;
  /** Largest accepted request body, bytes. */
  public long maxBodyBytes = 65536;
}
