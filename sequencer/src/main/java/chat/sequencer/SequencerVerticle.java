package chat.sequencer;

import chat.runtime.http.Health;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Runs the sequencer's Kafka Streams topology (on its own threads: Streams blocks) and serves
 * health. Start completes once the topology is RUNNING.
 */
public final class SequencerVerticle extends VerticleBase {

  private final SequencerConfig config;
  private volatile KafkaStreams streams;

  public SequencerVerticle(SequencerConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    Promise<Void> running = Promise.promise();
    Router router = Router.router(vertx);
    new Health().check("streams", () -> streams != null && streams.state().isRunningOrRebalancing()
        ? Future.succeededFuture() : Future.failedFuture(streams == null ? "not started" : streams.state().toString()))
        .mount(router);
    return vertx.executeBlocking(() -> {
          // building and starting Streams does blocking I/O: keep it off the event loop
          ChangelogPolicy.apply(config.kafka.bootstrapServers, config.applicationId);
          streams = new KafkaStreams(SequencerTopology.build(Duration.ofHours(config.dedupeWindowHours)), properties());
          streams.setStateListener((next, previous) -> {
            if (next == KafkaStreams.State.RUNNING) {
              running.tryComplete();
            } else if (next == KafkaStreams.State.ERROR) {
              running.tryFail("sequencer streams entered ERROR");
            }
          });
          streams.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
          streams.start();
          return null;
        }, false)
        .compose(v -> running.future().timeout(120, TimeUnit.SECONDS))
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host));
  }

  @Override
  public Future<?> stop() {
    return streams == null ? Future.succeededFuture() : vertx.executeBlocking(() -> streams.close(Duration.ofSeconds(10)), false);
  }

  private Properties properties() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka.bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitIntervalMs);
    props.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir);
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) config.kafka.replicationFactor);
    props.put(StreamsConfig.consumerPrefix("group.instance.id"), config.instanceId);
    props.put(StreamsConfig.consumerPrefix("session.timeout.ms"), config.sessionTimeoutMs);
    props.put(StreamsConfig.producerPrefix("linger.ms"), config.kafka.lingerMs);
    return props;
  }
}
