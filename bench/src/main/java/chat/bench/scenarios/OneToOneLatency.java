package chat.bench.scenarios;

import chat.bench.client.ChatHttp;
import chat.bench.client.TaggedBody;
import chat.bench.load.OpenSchedule;
import chat.bench.report.BoxCpu;
import chat.bench.report.HopSplit;
import chat.bench.report.LatencyReport;
import chat.bench.report.SendFaults;
import chat.bench.report.Timeline;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * 1:1 latency at a fixed offered load, open model: message i is due at {@code t0 + i / rate}
 * and sent then (or as soon as the generator can), and its latency is measured from that due
 * time to the recipient's socket, so a stalled system cannot hide its stall (no coordinated
 * omission). Users sign up, log in, open their direct channels and find their gateway through
 * discovery, as real clients do.
 */
public final class OneToOneLatency {

  /**
   * What to run. {@code warmup}: sending at the same rate before the measured {@code duration},
   * not recorded, so that JIT compilation and connection pools settle first.
   */
  public record Options(String apiUrl, int pairs, double ratePerSecond, Duration warmup, Duration duration, Duration drain) {

    public Options(String apiUrl, int pairs, double ratePerSecond, Duration duration, Duration drain) {
      this(apiUrl, pairs, ratePerSecond, Duration.ZERO, duration, drain);
    }
  }

  /**
   * The figures, the latencies second by second, all of them (for the charts), and where they
   * went ({@code hops}: null for scenarios whose operations do not pass the sequencer).
   */
  public record Result(LatencyReport report, Timeline timeline, Histogram micros, HopSplit hops) {

    public Result(LatencyReport report, Timeline timeline, Histogram micros) {
      this(report, timeline, micros, null);
    }
  }

  private final Vertx vertx;
  private final Options options;
  private final ChatHttp chat;
  private final Histogram micros = new Histogram(60_000_000L, 3);
  private final BitSet seen = new BitSet();
  private final Timeline timeline = new Timeline();
  private final HopSplit hops = HopSplit.anchoredNow();
  /** Starts every body sent by this run ({@code <tag><index>:<due nanos>}). */
  private final TaggedBody tag = new TaggedBody("b" + UUID.randomUUID().toString().substring(0, 6) + ":");
  private long t0;
  /** Replaced when the schedule starts; until then it counts nothing. */
  private volatile SendFaults faults = new SendFaults(Long.MAX_VALUE);
  private long warmupCount;
  private long duplicated;
  private long received;

  public OneToOneLatency(Vertx vertx, Options options) {
    this.vertx = vertx;
    this.options = options;
    this.chat = new ChatHttp(vertx, options.apiUrl());
  }


  public Future<Result> run() {
    return pairs(chat, options.apiUrl(), options.pairs()).compose(ready -> measure(ready).eventually(() -> close(ready)));
  }

  /** Closes both sockets of every pair. */
  public static Future<Void> close(List<Pair> pairs) {
    return Future.all(sockets(pairs).stream().map(WebSocket::close).toList()).mapEmpty();
  }

  /** Runs the schedule over pairs made earlier (they stay open; a later run may use them again). */
  public Future<Result> measure(List<Pair> ready) {
    ready.forEach(pair -> {
      pair.inbox().current = this::onFrame;
      pair.senderInbox().current = text -> faults.frame(text);
    });
    return drive(ready).map(report -> new Result(report, timeline, micros, hops));
  }

  /**
   * Two users, their direct channel, and a socket each (found through discovery), with the frame
   * handlers of the receiver ({@code inbox}) and of the sender ({@code senderInbox}: its
   * {@code accepted} and {@code error} frames).
   */
  public record Pair(long channel, WebSocket sender, WebSocket receiver, Inbox inbox, Inbox senderInbox) {}

  /**
   * The receiver's frame handler, installed once: it passes each frame to the run measuring now.
   * Runs over the same pairs take turns by swapping {@code current}, a volatile field, because a
   * socket's own handler, set again from another thread, may go unseen by its event loop (a later
   * run then hears nothing while the earlier one drops its frames as strangers').
   */
  public static final class Inbox implements Handler<String> {
    private volatile Handler<String> current = text -> {};

    @Override
    public void handle(String text) {
      current.handle(text);
    }
  }

  /** Signs up {@code count} pairs of users, opens their direct channels and connects them. */
  public static Future<List<Pair>> pairs(ChatHttp chat, String apiUrl, int count) {
    String prefix = "bench" + UUID.randomUUID().toString().substring(0, 8);
    List<Future<Pair>> pairs = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      pairs.add(pair(chat, apiUrl, prefix + "_" + p));
    }
    return Future.all(pairs).map(all -> all.list());
  }

  private static Future<Pair> pair(ChatHttp chat, String apiUrl, String name) {
    return chat.account(name + "_a").compose(a -> chat.account(name + "_b").compose(b ->
        chat.http().postAbs(apiUrl + "/v1/channels/direct").bearerTokenAuthentication(a.token())
            .sendJsonObject(new JsonObject().put("peer", b.id()))
            .compose(channel -> Future.all(chat.connect(a.token(), "bench"), chat.connect(b.token(), "bench"))
                .map(sockets -> {
                  Inbox inbox = new Inbox();
                  Inbox senderInbox = new Inbox();
                  WebSocket sender = sockets.resultAt(0);
                  WebSocket receiver = sockets.resultAt(1);
                  receiver.textMessageHandler(inbox);
                  sender.textMessageHandler(senderInbox);
                  return new Pair(channel.bodyAsJsonObject().getLong("channel_id"), sender, receiver, inbox, senderInbox);
                }))));
  }

  /** Sends on the open-model schedule, then waits for the stragglers up to the drain time. */
  private Future<LatencyReport> drive(List<Pair> pairs) {
    warmupCount = Math.round(options.ratePerSecond() * options.warmup().toMillis() / 1000.0);
    long measured = Math.round(options.ratePerSecond() * options.duration().toMillis() / 1000.0);
    t0 = System.nanoTime() + 200_000_000L;
    faults = new SendFaults(t0 + options.warmup().toNanos());
    long drainedAt = t0 + options.warmup().toNanos() + options.duration().toNanos() + options.drain().toNanos();
    BoxCpu.Window machine = BoxCpu.window(vertx, t0 + options.warmup().toNanos());
    return OpenSchedule.run(vertx, options.ratePerSecond(), warmupCount + measured, t0,
            (i, due) -> {
              Pair pair = pairs.get((int) (i % pairs.size()));
              faults.watch(pair.sender().writeTextMessage(new JsonObject().put("type", "send").put("channel", pair.channel())
                  .put("client_msg_id", UUID.randomUUID().toString()).put("body", tag.body(i, due)).encode()), due);
            },
            () -> received() >= measured || System.nanoTime() > drainedAt)
        .map(v -> report(measured, faults.counts(sockets(pairs))).withMachine(machine.close()));
  }

  /** Every socket of the pairs, senders' and receivers'. */
  private static List<WebSocket> sockets(List<Pair> pairs) {
    return pairs.stream().flatMap(pair -> java.util.stream.Stream.of(pair.sender(), pair.receiver())).toList();
  }

  private synchronized long received() {
    return received;
  }

  private synchronized LatencyReport report(long measured, SendFaults.Counts sending) {
    return LatencyReport.of("1:1", options.ratePerSecond(), measured,
        LatencyReport.lost(measured, received, sending.notSent(), 1), duplicated, micros).withSending(sending);
  }

  /** Receivers live on several event loops: the bookkeeping is synchronized. */
  private synchronized void onFrame(String text) {
    long now = System.nanoTime();
    TaggedBody.Found found = tag.find(text);
    if (found == null) {
      return; // not a message, or a straggler of an earlier run over the same pairs
    }
    int index = (int) found.index();
    if (seen.get(index)) {
      duplicated++;
      return;
    }
    seen.set(index);
    if (index < warmupCount) {
      return; // sent during the warm-up: not measured
    }
    received++;
    long due = found.dueNanos();
    long latency = Math.max(0, (now - due) / 1000);
    micros.recordValue(latency);
    timeline.record((due - t0) / 1_000_000_000L - options.warmup().toSeconds(), latency);
    hops.record(due, now, found.sentAtMillis());
  }
}
