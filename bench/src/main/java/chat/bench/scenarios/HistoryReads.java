package chat.bench.scenarios;

import chat.bench.client.ChatHttp;
import chat.bench.load.OpenSchedule;
import chat.bench.report.BoxCpu;
import chat.bench.report.LatencyReport;
import chat.bench.report.Timeline;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * History reads: the latest page of {@code page} messages of one channel over HTTP
 * ({@code GET /v1/channels/{id}/messages?limit=}), at a fixed rate, open model (latency from the
 * scheduled time). The channel is filled first through the WebSocket like any conversation.
 */
public final class HistoryReads {

  /** What to run. {@code warmup}: reading at the same rate before the measured {@code duration}, not counted. */
  public record Options(String apiUrl, int messages, int page, double ratePerSecond, Duration warmup, Duration duration) {}

  private final Vertx vertx;
  private final Options options;
  private final ChatHttp chat;
  private final WebClient reads;
  private final Histogram micros = new Histogram(60_000_000L, 3);
  private final Timeline timeline = new Timeline();
  private long failed;
  private long shortPages;
  private long answered;

  public HistoryReads(Vertx vertx, Options options) {
    this.vertx = vertx;
    this.options = options;
    this.chat = new ChatHttp(vertx, options.apiUrl());
    this.reads = WebClient.create(vertx, new WebClientOptions(), new PoolOptions().setHttp1MaxSize(64));
  }

  public Future<OneToOneLatency.Result> run() {
    String prefix = "hist" + UUID.randomUUID().toString().substring(0, 6);
    return chat.account(prefix + "_a").compose(a -> chat.account(prefix + "_b").compose(b ->
        chat.http().postAbs(options.apiUrl() + "/v1/channels/direct").bearerTokenAuthentication(a.token())
            .sendJsonObject(new JsonObject().put("peer", b.id()))
            .map(created -> created.bodyAsJsonObject().getLong("channel_id"))
            .compose(channel -> fill(a, channel).compose(v -> drive(b.token(), channel)))))
        .map(report -> new OneToOneLatency.Result(report, timeline, micros));
  }

  /** Sends the messages at 15 per second (under the per-connection limit) and waits until history holds them all. */
  private Future<Void> fill(ChatHttp.Account sender, long channel) {
    return chat.connect(sender.token(), "filler").compose(socket -> {
      Promise<Void> sent = Promise.promise();
      int[] next = {0};
      vertx.setPeriodic(1000 / 15, timer -> {
        if (next[0] == options.messages()) {
          vertx.cancelTimer(timer);
          sent.complete();
          return;
        }
        socket.writeTextMessage(new JsonObject().put("type", "send").put("channel", channel)
            .put("client_msg_id", UUID.randomUUID().toString()).put("body", "history message " + next[0]++).encode());
      });
      return sent.future().compose(v -> stored(sender.token(), channel)).eventually(socket::close);
    });
  }

  private Future<Void> stored(String token, long channel) {
    Promise<Void> done = Promise.promise();
    vertx.setPeriodic(200, timer -> chat.http().getAbs(options.apiUrl() + "/v1/channels")
        .bearerTokenAuthentication(token).send()
        .onSuccess(response -> {
          boolean full = response.bodyAsJsonObject().getJsonArray("channels").stream().map(JsonObject.class::cast)
              .anyMatch(c -> c.getLong("channel_id") == channel && c.getLong("head_seq", 0L) >= options.messages());
          if (full) {
            vertx.cancelTimer(timer);
            done.tryComplete();
          }
        }));
    return done.future();
  }

  private Future<LatencyReport> drive(String token, long channel) {
    long warmups = Math.round(options.ratePerSecond() * options.warmup().toMillis() / 1000.0);
    long total = warmups + Math.round(options.ratePerSecond() * options.duration().toMillis() / 1000.0);
    long t0 = System.nanoTime() + 100_000_000L;
    long measuredFrom = t0 + options.warmup().toNanos();
    BoxCpu.Window machine = BoxCpu.window(vertx, measuredFrom);
    String path = options.apiUrl() + "/v1/channels/" + channel + "/messages?limit=" + options.page();
    return OpenSchedule.run(vertx, options.ratePerSecond(), total, t0,
            (i, due) -> reads.getAbs(path).bearerTokenAuthentication(token).send().onComplete(ar -> {
              long latency = Math.max(0, (System.nanoTime() - due) / 1000);
              synchronized (this) {
                answered++;
                if (i < warmups) {
                  return;
                }
                if (ar.failed() || ar.result().statusCode() != 200) {
                  failed++;
                } else if (ar.result().bodyAsJsonObject().getJsonArray("messages").size() != options.page()) {
                  shortPages++;
                } else {
                  micros.recordValue(latency);
                  timeline.record((due - measuredFrom) / 1_000_000_000L, latency);
                }
              }
            }),
            () -> answered() == total)
        .map(v -> report(total - warmups).withMachine(machine.close()));
  }

  private synchronized long answered() {
    return answered;
  }

  /** "Lost": reads that failed or did not return a full page. */
  private synchronized LatencyReport report(long total) {
    return LatencyReport.of("history last " + options.page(), options.ratePerSecond(), total, failed + shortPages, 0, micros);
  }
}
