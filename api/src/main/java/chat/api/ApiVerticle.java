package chat.api;

import chat.api.accounts.AccountRoutes;
import chat.api.accounts.Passwords;
import chat.api.accounts.SessionIssuer;
import chat.api.accounts.SessionRoutes;
import chat.api.channels.ChannelRoutes;
import chat.api.channels.GroupRoutes;
import chat.api.devices.DeviceRoutes;
import chat.api.discovery.DiscoveryRoutes;
import chat.api.friends.FriendRoutes;
import chat.api.history.HistoryRoutes;
import chat.api.http.ApiFailures;
import chat.api.http.Operations;
import chat.api.presence.PresenceRoutes;
import chat.api.users.ProfileRoutes;
import chat.runtime.auth.Tokens;
import chat.runtime.cassandra.CassandraClients;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Health;
import chat.runtime.http.Problem;
import chat.runtime.kafka.KafkaClients;
import chat.runtime.kafka.RecordProducer;
import chat.runtime.postgres.PostgresClients;
import chat.runtime.redis.SlidingWindowLimiter;
import chat.runtime.redis.RedisClients;
import chat.schemas.Topics;
import chat.stores.blocks.DirectBlocks;
import chat.stores.gateways.GatewayRegistry;
import chat.stores.history.BackwardPages;
import chat.stores.history.HistoryReader;
import chat.stores.history.RecentMessages;
import chat.stores.membership.Memberships;
import chat.stores.presence.PresenceStore;
import chat.stores.sessions.Sessions;
import chat.stores.tickets.Tickets;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;
import java.util.List;

/**
 * The HTTP API: the routes of {@code openapi.yaml}, each request validated against it, grouped by
 * resource into small route classes.
 */
public final class ApiVerticle extends VerticleBase {

  public static final String CONTRACT = "openapi.yaml";

  private final ApiConfig config;
  private Pool postgres;
  private Redis redis;
  private CassandraClient cassandra;
  private RecordProducer producer;
  private HttpServer server;

  public ApiVerticle(ApiConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    postgres = PostgresClients.pool(vertx, config.postgres);
    redis = RedisClients.commands(vertx, config.redis);
    producer = KafkaClients.producer(vertx, config.kafka, "api");
    return CassandraClients.connect(vertx, config.cassandra)
        .onSuccess(client -> cassandra = client)
        .compose(client -> producer.warmUp(List.of(Topics.PRESENCE)))
        .compose(v -> OpenAPIContract.from(vertx, CONTRACT))
        .compose(contract -> vertx.createHttpServer().requestHandler(router(contract)).listen(config.http.port, config.http.host))
        .onSuccess(s -> server = s);
  }

  private Router router(OpenAPIContract contract) {
    Memberships memberships = new Memberships(redis, postgres);
    Sessions sessions = new Sessions(redis, postgres);
    Tokens tokens = new Tokens(vertx, config.auth);
    Passwords passwords = new Passwords(vertx);
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler())
        .rootHandler(BodyHandler.create().setBodyLimit(config.maxBodyBytes));
    Operations operations = new Operations(builder, new BearerAuth(tokens, sessions::isActive));

    SessionIssuer issuer = new SessionIssuer(postgres, sessions, tokens, config.auth);
    new AccountRoutes(postgres, passwords, sessions, issuer).register(operations);
    new SessionRoutes(postgres, passwords, sessions, issuer,
        new SlidingWindowLimiter(redis, "login-user", config.loginAttemptsPerUsername, 60),
        new SlidingWindowLimiter(redis, "login-addr", config.loginAttemptsPerAddress, 60)).register(operations);
    HistoryReader history = new HistoryReader(cassandra, config.cassandra);
    new ChannelRoutes(postgres, memberships, history).register(operations);
    new GroupRoutes(postgres, memberships).register(operations);
    new ProfileRoutes(postgres).register(operations);
    new FriendRoutes(postgres, new DirectBlocks(redis, postgres)).register(operations);
    new DeviceRoutes(postgres, config.maxDevicesPerUser).register(operations);
    new HistoryRoutes(history, new BackwardPages(history, new RecentMessages(redis)), memberships).register(operations);
    new PresenceRoutes(postgres, new PresenceStore(redis), producer).register(operations);
    new DiscoveryRoutes(new GatewayRegistry(redis, config.gatewayStaleAfterSeconds * 1000L),
        new Tickets(redis, config.ticketTtlSeconds)).register(operations);

    Router router = builder.createRouter();
    new Health()
        .check("postgres", () -> postgres.query("SELECT 1").execute())
        .check("redis", () -> redis.send(Request.cmd(Command.PING)))
        .mount(router);
    router.get("/v1/openapi.yaml").handler(ctx -> ctx.response().putHeader("content-type", "application/yaml").sendFile(CONTRACT));
    router.route().last().handler(ctx -> ctx.fail(Problem.notFound("no route " + ctx.request().method() + " " + ctx.request().path())));
    router.route().failureHandler(ApiFailures::handle);
    return router;
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return Future.join(postgres.close(), cassandra.close(), redis.close(), producer.close());
  }
}
