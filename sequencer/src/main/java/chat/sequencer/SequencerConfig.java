package chat.sequencer;

import chat.runtime.config.HttpConfig;
import chat.runtime.config.KafkaConfig;
import chat.runtime.config.StartupConfig;

/** Configuration of the sequencer stage ({@code CHAT_*} variables override the YAML file). */
public class SequencerConfig {
  /** Kafka, and the partition count of chat.inbound / chat.messages if this stage creates them. */
  public KafkaConfig kafka = new KafkaConfig();
  /** Kafka Streams application id: the consumer group and the prefix of the state changelogs. */
  public String applicationId = "chat-sequencer";
  /**
   * Transaction commit interval, ms. Live delivery does not wait for it (the router reads
   * uncommitted, see the README); history does: the persister sees a message only once its
   * transaction committed. Each commit costs several round trips to the broker and a marker on
   * every partition written, so a shorter interval costs broker CPU, not latency.
   */
  public int commitIntervalMs = 100;
  /** How long a {@code (channel, sender, client_msg_id)} is remembered to absorb retries, hours. */
  public int dedupeWindowHours = 24;
  /** Folder of the local state stores (rebuilt from their changelogs when lost). */
  public String stateDir = System.getProperty("java.io.tmpdir") + "/chat-sequencer";
  /**
   * Static group membership id of this instance. Keep it stable across restarts (a StatefulSet
   * pod name, say) and unique among instances: a restarted instance then takes its partitions
   * back at once instead of waiting out a rebalance (Streams does not leave its group on close).
   */
  public String instanceId = System.getenv().getOrDefault("HOSTNAME", "sequencer-0");
  /** How long an instance may be silent before its partitions move to another, ms (the crash failover time). */
  public int sessionTimeoutMs = 10_000;
  /** Stream threads of this instance (each takes a share of the partitions). */
  public int streamThreads = 1;
  /** Health endpoints ({@code /healthz}, {@code /readyz}). */
  public HttpConfig http = new HttpConfig(8082);
  /** Engine wait at startup. */
  public StartupConfig startup = new StartupConfig();
}
