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
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * Group fan-out: {@code groups} groups of {@code members} users, every member connected; messages
 * are offered at a fixed total rate (open model), each sent by the group's members in turn, and
 * every member's socket (the sender's too) should get each one. Latency is from the scheduled
 * send time to each socket; deliveries per second is what the sockets received.
 */
public final class GroupFanout {

  /** Bodies of the measured messages, and of the warm-up ones (not counted). */
  private static final TaggedBody MEASURED = new TaggedBody("g:");
  private static final TaggedBody WARMUP = new TaggedBody("w:");

  /** What to run. {@code warmup}: sending at the same rate before the measured {@code duration}, not counted. */
  public record Options(String apiUrl, int groups, int members, double ratePerSecond, Duration warmup, Duration duration,
      Duration drain) {}

  private record Group(long channel, List<WebSocket> sockets) {}

  private final Vertx vertx;
  private final Options options;
  private final ChatHttp chat;
  private final Histogram micros = new Histogram(600_000_000L, 3);
  private final HopSplit hops = HopSplit.anchoredNow();
  private final Timeline timeline = new Timeline();
  private final BitSet seen = new BitSet();
  private long duplicated;
  private long t0;
  /** Replaced when the schedule starts; until then it counts nothing. */
  private volatile SendFaults faults = new SendFaults(Long.MAX_VALUE);

  public GroupFanout(Vertx vertx, Options options) {
    this.vertx = vertx;
    this.options = options;
    this.chat = new ChatHttp(vertx, options.apiUrl());
  }

  public Future<OneToOneLatency.Result> run() {
    String prefix = "grp" + UUID.randomUUID().toString().substring(0, 6);
    List<Integer> indexes = IntStream.range(0, options.groups()).boxed().toList();
    return ChatHttp.inBatches(indexes, 1, g -> group(prefix + "_" + g)).compose(groups -> {
      return drive(groups)
          .map(report -> new OneToOneLatency.Result(report, timeline, micros, hops))
          .eventually(() -> Future.all(groups.stream().flatMap(g -> g.sockets().stream()).map(WebSocket::close).toList()));
    });
  }

  private Future<Group> group(String name) {
    List<String> names = IntStream.range(0, options.members()).mapToObj(i -> name + "_m" + i).toList();
    return ChatHttp.inBatches(names, 16, chat::account).compose(accounts -> {
      JsonArray others = new JsonArray();
      accounts.subList(1, accounts.size()).forEach(a -> others.add(a.id()));
      return chat.http().postAbs(options.apiUrl() + "/v1/channels").bearerTokenAuthentication(accounts.get(0).token())
          .sendJsonObject(new JsonObject().put("name", name).put("members", others))
          .compose(created -> {
            long channel = created.bodyAsJsonObject().getLong("channel_id");
            List<Integer> members = IntStream.range(0, accounts.size()).boxed().toList();
            return ChatHttp.inBatches(members, 32, m -> chat.connect(accounts.get(m).token(), "member")
                    .onSuccess(socket -> socket.textMessageHandler(text -> onFrame(m, text))))
                .map(sockets -> new Group(channel, sockets));
          });
    });
  }

  private Future<LatencyReport> drive(List<Group> groups) {
    long warmups = Math.round(options.ratePerSecond() * options.warmup().toMillis() / 1000.0);
    long measured = Math.round(options.ratePerSecond() * options.duration().toMillis() / 1000.0);
    long start = System.nanoTime() + 200_000_000L;
    t0 = start + options.warmup().toNanos();
    long expected = measured * options.members();
    long drainedAt = t0 + options.duration().toNanos() + options.drain().toNanos();
    BoxCpu.Window machine = BoxCpu.window(vertx, t0);
    faults = new SendFaults(t0);
    return OpenSchedule.run(vertx, options.ratePerSecond(), warmups + measured, start,
            (i, due) -> {
              Group group = groups.get((int) (i % groups.size()));
              WebSocket sender = group.sockets().get((int) ((i / groups.size()) % group.sockets().size()));
              // warm-up messages are marked "w:" and not counted
              String body = i < warmups ? WARMUP.body(i, due) : MEASURED.body(i - warmups, due);
              faults.watch(sender.writeTextMessage(new JsonObject().put("type", "send").put("channel", group.channel())
                  .put("client_msg_id", UUID.randomUUID().toString()).put("body", body).encode()), due);
            },
            () -> delivered() >= expected || System.nanoTime() > drainedAt)
        .map(v -> report(expected, faults.counts(groups.stream().flatMap(g -> g.sockets().stream()).toList()))
            .withMachine(machine.close()));
  }

  private synchronized long delivered() {
    return micros.getTotalCount();
  }

  private synchronized LatencyReport report(long expected, SendFaults.Counts sending) {
    return LatencyReport.of("group of " + options.members(), options.ratePerSecond(), expected,
        LatencyReport.lost(expected, micros.getTotalCount(), sending.notSent(), options.members()), duplicated, micros)
        .withSending(sending);
  }

  /** Sockets live on several event loops: frames are parsed on each, the bookkeeping is synchronized. */
  private void onFrame(int member, String text) {
    long now = System.nanoTime();
    faults.frame(text);
    TaggedBody.Found found = MEASURED.find(text);
    if (found != null) {
      record(now, (int) found.index() * options.members() + member, found);
    }
  }

  private synchronized void record(long now, int bit, TaggedBody.Found found) {
    if (seen.get(bit)) {
      duplicated++;
      return;
    }
    seen.set(bit);
    long due = found.dueNanos();
    long latency = Math.max(0, (now - due) / 1000);
    micros.recordValue(latency);
    timeline.record((due - t0) / 1_000_000_000L, latency);
    hops.record(due, now, found.sentAtMillis());
  }
}
