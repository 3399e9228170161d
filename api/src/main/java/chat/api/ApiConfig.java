package chat.api;

import chat.runtime.config.AuthConfig;
import chat.runtime.config.CassandraConfig;
import chat.runtime.config.HttpConfig;
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
  /** Access token signing. */
  public AuthConfig auth = new AuthConfig();
  /** Engine wait at startup. */
  public StartupConfig startup = new StartupConfig();
  /**
   * Enables {@code POST /v1/dev/sessions}: a token for any username, no password. For local
   * development and tests only, until real accounts land; never enable it in a deployment.
   */
  public boolean devLogin = false;
  /** Largest accepted request body, bytes. */
  public long maxBodyBytes = 65536;
}
