package chat.gateway;

import chat.gateway.admission.Admitter;
import chat.gateway.catchup.CatchUp;
import chat.gateway.edge.ClientSocket;
import chat.gateway.edge.SocketListener;
import chat.gateway.edge.UpgradeRequest;
import chat.gateway.edge.Upgrades;
import chat.gateway.edge.WebSocketEdge;
import chat.gateway.frames.FrameReader;
import chat.gateway.limits.SendLimits;
import chat.gateway.metrics.GatewayMetrics;
import chat.gateway.presence.PresenceReporter;
import chat.gateway.receipts.Receipts;
import chat.gateway.sessions.LocalSessions;
import chat.gateway.sessions.Session;
import chat.runtime.auth.Tokens;
import chat.runtime.cassandra.CassandraClients;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Health;
import chat.runtime.http.MetricsEndpoint;
import chat.runtime.http.Problem;
import chat.runtime.kafka.KafkaClients;
import chat.runtime.kafka.RecordProducer;
import chat.runtime.logging.ThrottledWarning;
import chat.runtime.postgres.PostgresClients;
import chat.runtime.redis.ReadCoalescer;
import chat.runtime.redis.RedisClients;
import chat.schemas.ErrorCode;
import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.MessageSubmitted;
import chat.schemas.frames.AcceptedFrame;
import chat.schemas.frames.ErrorFrame;
import chat.schemas.frames.HistoryFrame;
import chat.schemas.frames.PingFrame;
import chat.schemas.frames.PongFrame;
import chat.schemas.frames.PresenceQueryFrame;
import chat.schemas.frames.WelcomeFrame;
import chat.schemas.frames.SendFrame;
import chat.schemas.frames.ReadFrame;
import chat.schemas.frames.SyncFrame;
import chat.schemas.frames.TypingFrame;
import chat.schemas.frames.ServerFrame;
import chat.schemas.internal.GatewayBatchCodec;
import chat.stores.RedisKeys;
import chat.stores.blocks.DirectBlocks;
import chat.stores.connections.Connections;
import chat.stores.membership.Memberships;
import chat.stores.gateways.GatewayRegistry;
import chat.stores.delivery.Fanout;
import chat.stores.history.BackwardPages;
import chat.stores.history.HistoryReader;
import chat.stores.history.RecentMessages;
import chat.stores.history.ReadPositions;
import chat.stores.presence.GatewayLiveness;
import chat.stores.presence.PresenceDirectory;
import chat.stores.presence.PresenceStore;
import chat.stores.sessions.Sessions;
import chat.stores.tickets.Tickets;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket edge: authenticates at the handshake, checks each frame, produces sends to
 * chat.inbound and answers {@code accepted} after Kafka's ack, and writes the deliveries the
 * router publishes on {@code gw:{id}} to the local sockets.
 */
public final class GatewayVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(GatewayVerticle.class);
  /** Why sends are answered unavailable: while Kafka is down every send fails, so one line per 10 s. */
  private final ThrottledWarning produceFailures = new ThrottledWarning(log, Duration.ofSeconds(10));

  private final GatewayConfig config;
  private final LocalSessions sessions = new LocalSessions();
  private FrameReader frames;
  private RecordProducer producer;
  private Redis redis;
  /** The sends' membership and block checks, gathered per turn of the event loop. */
  private ReadCoalescer sendChecks;
  private RedisConnection subscriber;
  private Pool postgres;
  private CassandraClient cassandra;
  private Memberships memberships;
  private DirectBlocks directBlocks;
  private Connections connections;
  private Admitter admitter;
  private GatewayRegistry registry;
  private CatchUp catchUp;
  private volatile boolean stopping;
  private SendLimits limits;
  private Receipts receipts;
  private PresenceReporter presence;
  private PresenceDirectory presenceDirectory;
  private HttpServer server;
  private WebSocketEdge edge;
  private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final GatewayMetrics metrics = new GatewayMetrics(meters, sessions::count);
  /** Devices whose sockets closed since the last flush: unregistered together (see {@link #flushClosed()}). */
  private Set<Connections.Device> closed = new LinkedHashSet<>();

  public GatewayVerticle(GatewayConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    return CassandraClients.connect(vertx, config.cassandra).compose(client -> {
      cassandra = client;
      return serve();
    });
  }

  private Future<?> serve() {
    frames = new FrameReader(config.maxBodyBytes);
    limits = new SendLimits(new SendLimits.Rates(config.frameBurstPerConnection, config.framesPerSecondPerConnection,
        config.frameBurstPerUser, config.framesPerSecondPerUser));
    producer = KafkaClients.producer(vertx, config.kafka, "gateway-" + config.gatewayId);
    redis = RedisClients.commands(vertx, config.redis);
    sendChecks = ReadCoalescer.sendingTo(context, redis);
    postgres = PostgresClients.pool(vertx, config.postgres);
    memberships = new Memberships(redis, postgres);
    directBlocks = new DirectBlocks(redis, postgres);
    connections = new Connections(redis, config.connectionTtlSeconds);
    Sessions loginSessions = new Sessions(redis, postgres);
    admitter = new Admitter(new BearerAuth(new Tokens(vertx, config.auth), loginSessions::isActive),
        new Tickets(redis, 0), // the gateway only redeems tickets; the api issues them
        loginSessions);
    registry = new GatewayRegistry(redis, config.staleAfterSeconds * 1000L);
    HistoryReader history = new HistoryReader(cassandra, config.cassandra);
    catchUp = new CatchUp(history, new BackwardPages(history, new RecentMessages(redis)), memberships, postgres);
    receipts = new Receipts(memberships, history, new ReadPositions(cassandra, config.cassandra),
        new Fanout(redis, memberships, connections));
    presence = new PresenceReporter(vertx, producer, new GatewayLiveness(redis), config.gatewayId, System.currentTimeMillis());
    presenceDirectory = new PresenceDirectory(postgres, new PresenceStore(redis));

    Router router = Router.router(vertx);
    new Health().check("redis", () -> redis.send(Request.cmd(Command.PING))).mount(router);
    MetricsEndpoint.mount(router, meters);
    router.route().failureHandler(Problem::handleFailure);

    vertx.setPeriodic(config.refreshSeconds * 1000L, id -> {
      if (!stopping) {
        connections.refresh(sessions.users())
            .onFailure(e -> log.warn("refreshing connection entries failed: {}", e.toString()));
      }
    });
    vertx.setPeriodic(1_000, id -> closeIdle());
    vertx.setPeriodic(50, id -> flushClosed());

    edge = new WebSocketEdge((ContextInternal) context, upgrades(), new WebSocketEdge.Settings(config.websocket.host,
        config.websocket.port, "/v1/ws", config.maxBodyBytes * 4 + 1024, config.maxOutboundQueueBytes, 10_000));
    // presence must know this process is alive before any of its connections is reported
    return producer.warmUp(List.of(Topics.INBOUND, Topics.PRESENCE))
        .compose(v -> presence.beat())
        .compose(v -> subscribe())
        .compose(v -> vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host))
        .onSuccess(s -> server = s)
        .compose(s -> edge.listen())
        .compose(port -> heartbeat())
        .onSuccess(v -> vertx.setPeriodic(config.heartbeatSeconds * 1000L, id -> {
          if (!stopping) { // once stopping, a beat would put the gateway back into discovery after it left
            heartbeat().onFailure(e -> log.warn("discovery heartbeat failed: {}", e.toString()));
          }
        }));
  }

  /** Tells discovery this gateway is alive, where clients reach it, and how loaded it is; and presence that it is alive. */
  private Future<Void> heartbeat() {
    String url = config.publicUrl.isEmpty() ? "ws://" + config.websocket.host + ":" + edge.port() + "/v1/ws" : config.publicUrl;
    return Future.all(registry.heartbeat(config.gatewayId, url, sessions.count(), System.currentTimeMillis()), presence.beat())
        .mapEmpty();
  }

  /**
   * Unregisters the devices whose sockets closed in the last 50 ms, in one Redis round trip, so a
   * burst of thousands of closes costs a few commands instead of one each.
   * Close handlers and this timer run on the verticle's event loop: the list needs no lock.
   */
  private Future<Void> flushClosed() {
    if (closed.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Connections.Device> batch = List.copyOf(closed);
    closed = new LinkedHashSet<>();
    return connections.unregisterAll(batch, config.gatewayId)
        .onFailure(e -> log.warn("unregistering {} closed devices failed (their entries expire unrefreshed): {}",
            batch.size(), e.toString()));
  }

  /** Closes the connections that sent nothing, not even a heartbeat, for the idle timeout: their devices are gone. */
  private void closeIdle() {
    long cutoff = System.nanoTime() - config.idleTimeoutSeconds * 1_000_000_000L;
    for (Session session : sessions.all()) {
      if (session.idleSince(cutoff)) {
        session.close(Session.IDLE, "no frame for " + config.idleTimeoutSeconds + " s", "idle");
      }
    }
  }

  /** The WebSocket port actually bound (useful when configured as 0). */
  public int port() {
    return edge.port();
  }

  /** The health and metrics port actually bound. */
  public int healthPort() {
    return server.actualPort();
  }

  /**
   * Listens on {@code gw:{id}} over a connection of its own. If that connection drops (Redis
   * restarted), it is re-established with a growing pause; deliveries missed meanwhile are
   * recovered by the clients' gap repair and sync.
   */
  private Future<Void> subscribe() {
    return Redis.createClient(vertx, new RedisOptions().setConnectionString(config.redis.uri)).connect()
        .compose(connection -> {
          subscriber = connection;
          connection.handler(this::onDelivery);
          connection.exceptionHandler(e -> log.warn("delivery subscription failed: {}", e.toString()));
          connection.endHandler(v -> resubscribe(500));
          return connection.send(Request.cmd(Command.SUBSCRIBE).arg(RedisKeys.gatewayInbox(config.gatewayId)));
        })
        .mapEmpty();
  }

  private void resubscribe(long delayMs) {
    if (stopping) {
      return;
    }
    log.warn("delivery subscription lost; resubscribing in {} ms", delayMs);
    vertx.setTimer(delayMs, id -> subscribe().onFailure(e -> resubscribe(Math.min(10_000, delayMs * 2))));
  }

  private Upgrades upgrades() {
    return new Upgrades() {
      @Override
      public Future<Admission> admit(UpgradeRequest request) {
        return admitter.admit(request);
      }

      @Override
      public SocketListener opened(Admission admission, ClientSocket socket) {
        return open(admission.userId(), admission.deviceId(), socket);
      }

      @Override
      public void timedOut() {
        metrics.handshakeTimedOut();
      }
    };
  }

  private SocketListener open(long userId, String deviceId, ClientSocket socket) {
    long now = System.nanoTime();
    Session session = new Session(userId, deviceId, socket, limits.connectionBucket(now), limits.userBucket(userId, now));
    sessions.add(session);
    metrics.opened();
    closed.remove(new Connections.Device(userId, deviceId)); // back before its old socket was unregistered: keep it
    reply(session, new WelcomeFrame(userId, deviceId, config.clientHeartbeatSeconds * 1000L, config.idleTimeoutSeconds * 1000L));
    connections.register(userId, deviceId, config.gatewayId)
        .onFailure(e -> log.warn("registering user {} device {} failed: {}", userId, deviceId, e.toString()));
    presence.connected(session);
    return new SocketListener() {
      @Override
      public void onText(String text) {
        onFrame(session, text);
      }

      @Override
      public void onBinary() {
        if (admitted(session)) {
          reply(session, ErrorFrame.of(ErrorCode.MALFORMED_JSON, "binary frames are not supported"));
        }
      }

      @Override
      public void onClosed() {
        sessions.remove(session);
        metrics.closed(session.closeCause());
        limits.released(userId);
        closed.add(new Connections.Device(userId, deviceId));
        if (!stopping) { // a stopping gateway reports all its connections itself
          presence.disconnected(session, session.leaveReason());
        }
      }
    };
  }

  /** Every frame, good or bad, costs a token: a flood is refused before any parsing or I/O. */
  private boolean admitted(Session session) {
    long wait = session.admitFrame(System.nanoTime());
    if (wait > 0) {
      reply(session, new ErrorFrame(ErrorCode.RATE_LIMITED, "too many frames; retry after " + wait + " ms", null, wait));
    }
    return wait == 0;
  }

  private void onFrame(Session session, String text) {
    session.touch(System.nanoTime());
    if (!admitted(session)) {
      return;
    }
    FrameReader.Result result = frames.read(text);
    if (result.error() != null) {
      reply(session, result.error());
    } else if (result.frame() instanceof SendFrame send) {
      onSend(session, send);
    } else if (result.frame() instanceof PingFrame ping) {
      reply(session, new PongFrame(System.currentTimeMillis(), ping.ref()));
    } else if (result.frame() instanceof HistoryFrame history) {
      answer(session, catchUp.history(session.userId(), history), "history could not be read; retry");
    } else if (result.frame() instanceof SyncFrame sync) {
      answer(session, catchUp.sync(session.userId(), sync), "history could not be read; retry");
    } else if (result.frame() instanceof PresenceQueryFrame query) {
      answer(session, presenceDirectory.query(session.userId(), query.users()).map(list -> list), "presence could not be read; retry");
    } else if (result.frame() instanceof ReadFrame read) {
      answerIfAny(session, receipts.read(session.userId(), read));
    } else if (result.frame() instanceof TypingFrame typing) {
      answerIfAny(session, receipts.typing(session.userId(), typing, System.nanoTime()));
    }
  }

  private void answerIfAny(Session session, Future<Optional<ServerFrame>> answer) {
    answer.onComplete(ar -> {
      if (ar.failed()) {
        reply(session, ErrorFrame.of(ErrorCode.UNAVAILABLE, "could not be stored; retry"));
      } else {
        ar.result().ifPresent(frame -> reply(session, frame));
      }
    });
  }

  private void answer(Session session, Future<ServerFrame> answer, String whenFailed) {
    answer.onComplete(ar -> {
      if (ar.failed()) {
        log.warn("answering user {} failed ({}): {}", session.userId(), whenFailed, ar.cause().toString());
      }
      reply(session, ar.succeeded() ? ar.result() : ErrorFrame.of(ErrorCode.UNAVAILABLE, whenFailed));
    });
  }

  private void onSend(Session session, SendFrame send) {
    long arrived = System.nanoTime();
    String ref = send.clientMsgId().toString();
    // both checks, with those of every send read in this turn of the event loop, in one Redis round trip
    Future<Boolean> member = sendChecks.add(memberships.memberRead(send.channel(), session.userId()));
    Future<Boolean> blocked = sendChecks.add(directBlocks.blockRead(send.channel()));
    session.inSendOrder(Future.all(member, blocked), checked -> {
      if (checked.failed()) {
        reply(session, new ErrorFrame(ErrorCode.UNAVAILABLE, "membership could not be checked; retry", ref));
      } else if (!member.result()) {
        reply(session, new ErrorFrame(ErrorCode.NOT_A_MEMBER, "not a member of channel " + send.channel(), ref));
      } else if (blocked.result()) {
        reply(session, new ErrorFrame(ErrorCode.BLOCKED, "channel " + send.channel() + ": one of you blocks the other", ref));
      } else {
        MessageSubmitted event = new MessageSubmitted(send.channel(), session.userId(), session.deviceId(),
            send.clientMsgId(), send.body(), System.currentTimeMillis());
        // called in send order; the idempotent producer keeps that order within the partition
        producer.send(Topics.INBOUND, Long.toString(send.channel()), Json.encode(event))
            .onSuccess(v -> {
              metrics.accepted(Duration.ofNanos(System.nanoTime() - arrived));
              reply(session, new AcceptedFrame(send.channel(), send.clientMsgId()));
            })
            .onFailure(e -> {
              produceFailures.warn("a send answered unavailable, its produce to {} failed: {}", Topics.INBOUND, e.toString());
              reply(session, new ErrorFrame(ErrorCode.UNAVAILABLE, "the message was not stored; retry with the same client_msg_id", ref));
            });
      }
      return Future.succeededFuture();
    });
  }

  /** A delivery batch from the router: {@code [message, gw:{id}, <GatewayBatchCodec bytes>]}. */
  private void onDelivery(Response push) {
    if (push.size() < 3 || !"message".equals(push.get(0).toString())) {
      return;
    }
    List<GatewayBatchCodec.EncodedDelivery> deliveries;
    try {
      deliveries = GatewayBatchCodec.decode(push.get(2).toBytes());
    } catch (IllegalArgumentException e) {
      log.error("undecodable delivery batch: {}", e.getMessage());
      return;
    }
    int written = 0;
    List<Session> toFlush = new ArrayList<>();
    for (GatewayBatchCodec.EncodedDelivery delivery : deliveries) {
      // copied once into a socket buffer, written to every socket it goes to
      ByteBuf frame = PooledByteBufAllocator.DEFAULT.directBuffer(delivery.length())
          .writeBytes(delivery.bytes(), delivery.offset(), delivery.length());
      try {
        for (Long user : delivery.users()) {
          for (Session session : sessions.of(user)) {
            if (session.queue(frame.retainedDuplicate())) {
              toFlush.add(session);
            }
            written++;
          }
        }
      } finally {
        frame.release();
      }
    }
    toFlush.forEach(Session::flush); // one network write per socket for the whole batch
    metrics.delivered(written);
  }

  private void reply(Session session, ServerFrame frame) {
    if (frame instanceof ErrorFrame error) {
      metrics.error(error.code().code());
    }
    session.send(Json.encode(frame));
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    // stop accepting sockets; tell presence every connection ends and close them; leave discovery;
    // then the producer flushes and closes
    return edge.close().eventually(() -> {
      for (Session session : sessions.all()) {
        presence.disconnected(session, "gateway_stopped");
        session.close((short) 1001, "gateway stopping", "gateway_stopped");
      }
      return registry.leave(config.gatewayId);
    }).eventually(this::flushClosed).eventually(() -> Future.join(
        producer.close().eventually(presence::leave),
        subscriber == null ? Future.succeededFuture() : subscriber.close(),
        redis.close(),
        postgres.close(),
        cassandra.close()));
  }
}
