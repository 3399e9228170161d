package chat.bench.scenarios;

import chat.bench.client.ChatHttp;
import chat.bench.report.LatencyReport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;

/**
 * Presence fan-out: {@code friends} watchers are connected, and each of {@code togglers} users —
 * friends with every watcher — goes online and offline in cycles. Every transition should reach
 * every watcher once; the delay is measured from the toggler's start of connecting (online: so it
 * includes discovery and the handshake) or its close (offline: so it includes the server's grace
 * period) to each watcher's socket.
 */
public final class PresenceFanout {

  /**
   * What to run. {@code online} and {@code offline} are how long a toggler stays in each state;
   * keep {@code offline} above the server's grace period plus its coalescing window, and
   * {@code online} above the coalescing window, or transitions are (rightly) merged.
   */
  public record Options(String apiUrl, int togglers, int friends, int cycles, Duration online, Duration offline,
      Duration drain) {}

  /** The two rows of the result: online and offline notices. */
  public record Result(LatencyReport online, LatencyReport offline, double noticesPerSecond) {}

  private record Transition(long user, String status, long atNanos) {}

  private final Vertx vertx;
  private final Options options;
  private final ChatHttp chat;
  private final Histogram onlineMicros = new Histogram(600_000_000L, 3);
  private final Histogram offlineMicros = new Histogram(600_000_000L, 3);
  /** The transition each toggler last made, by user id: what a watcher's frame is measured against. */
  private final Map<Long, Transition> latest = new HashMap<>();
  private final Set<String> seen = new HashSet<>();
  private long duplicated;
  private long onlineTransitions;
  private long offlineTransitions;

  public PresenceFanout(Vertx vertx, Options options) {
    this.vertx = vertx;
    this.options = options;
    this.chat = new ChatHttp(vertx, options.apiUrl());
  }

  public Future<Result> run() {
    String prefix = "pres" + UUID.randomUUID().toString().substring(0, 6);
    List<String> watcherNames = IntStream.range(0, options.friends()).mapToObj(i -> prefix + "_w" + i).toList();
    List<String> togglerNames = IntStream.range(0, options.togglers()).mapToObj(i -> prefix + "_t" + i).toList();
    return ChatHttp.inBatches(watcherNames, 16, chat::account).compose(watchers ->
        ChatHttp.inBatches(togglerNames, 16, chat::account).compose(togglers -> {
          List<ChatHttp.Account[]> pairs = new ArrayList<>();
          togglers.forEach(t -> watchers.forEach(w -> pairs.add(new ChatHttp.Account[] {t, w})));
          return ChatHttp.inBatches(pairs, 32, pair -> chat.befriend(pair[0], pair[1]))
              .compose(v -> ChatHttp.inBatches(watchers, 32, w -> chat.connect(w.token(), "watcher")
                  .onSuccess(socket -> socket.textMessageHandler(text -> onFrame(w.id(), text)))))
              .compose(sockets -> {
                long started = System.nanoTime();
                return Future.all(togglers.stream().map(t -> cycle(t, options.cycles())).toList())
                    .compose(v -> drain())
                    .map(v -> result(started))
                    .eventually(() -> Future.all(sockets.stream().map(WebSocket::close).toList()));
              });
        }));
  }

  /** Online for {@code online}, offline for {@code offline}, {@code left} more times. */
  private Future<Void> cycle(ChatHttp.Account toggler, int left) {
    if (left == 0) {
      return Future.succeededFuture();
    }
    // recorded before connecting: a notice can never arrive before its transition is known,
    // so the online delay includes discovery and the WebSocket handshake
    transition(toggler.id(), "online");
    return chat.connect(toggler.token(), "toggler").compose(socket -> {
      return later(options.online())
          .compose(v -> socket.close())
          .compose(v -> {
            transition(toggler.id(), "offline");
            return later(options.offline());
          });
    }).compose(v -> cycle(toggler, left - 1));
  }

  /** Sockets live on several event loops: the bookkeeping is synchronized. */
  private synchronized void transition(long user, String status) {
    latest.put(user, new Transition(user, status, System.nanoTime()));
    if ("online".equals(status)) {
      onlineTransitions++;
    } else {
      offlineTransitions++;
    }
  }

  private synchronized long recorded() {
    return onlineMicros.getTotalCount() + offlineMicros.getTotalCount();
  }

  private synchronized void onFrame(long watcher, String text) {
    long now = System.nanoTime();
    JsonObject frame = new JsonObject(text);
    if (!"presence".equals(frame.getString("type"))) {
      return;
    }
    long user = frame.getLong("user");
    if (!seen.add(watcher + ":" + user + ":" + frame.getLong("version"))) {
      duplicated++;
      return;
    }
    Transition transition = latest.get(user);
    if (transition == null || !transition.status().equals(frame.getString("status"))) {
      return; // a notice of an earlier state, arriving after the toggler moved on
    }
    Histogram target = "online".equals(transition.status()) ? onlineMicros : offlineMicros;
    target.recordValue(Math.max(0, (now - transition.atNanos()) / 1000));
  }

  private Future<Void> drain() {
    long expected;
    synchronized (this) {
      expected = (onlineTransitions + offlineTransitions) * options.friends();
    }
    Promise<Void> done = Promise.promise();
    long deadline = System.nanoTime() + options.drain().toNanos();
    vertx.setPeriodic(50, timer -> {
      if (recorded() >= expected || System.nanoTime() > deadline) {
        vertx.cancelTimer(timer);
        done.complete();
      }
    });
    return done.future();
  }

  private synchronized Result result(long startedNanos) {
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    long onlineExpected = onlineTransitions * options.friends();
    long offlineExpected = offlineTransitions * options.friends();
    long received = onlineMicros.getTotalCount() + offlineMicros.getTotalCount();
    return new Result(
        LatencyReport.of("presence online", onlineTransitions / seconds, onlineExpected,
            onlineExpected - onlineMicros.getTotalCount(), duplicated, onlineMicros),
        LatencyReport.of("presence offline (incl. grace)", offlineTransitions / seconds, offlineExpected,
            offlineExpected - offlineMicros.getTotalCount(), 0, offlineMicros),
        received / seconds);
  }

  private Future<Void> later(Duration delay) {
    Promise<Void> done = Promise.promise();
    vertx.setTimer(Math.max(1, delay.toMillis()), id -> done.complete());
    return done.future();
  }
}
