package chat.api;

import chat.api.channels.ChannelRoutes;
import chat.api.dev.DevSessionRoutes;
import chat.api.history.HistoryRoutes;
import chat.runtime.auth.Tokens;
import chat.runtime.cassandra.CassandraClients;
import chat.runtime.http.BearerAuth;
import chat.runtime.http.Health;
import chat.runtime.http.Problem;
import chat.runtime.postgres.PostgresClients;
import chat.runtime.redis.RedisClients;
import chat.stores.history.HistoryReader;
import chat.stores.membership.Memberships;
import io.vertx.cassandra.CassandraClient;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.sqlclient.Pool;

/** The HTTP API: one router, routes grouped by resource. */
public final class ApiVerticle extends VerticleBase {

  private final ApiConfig config;
  private Pool postgres;
  private Redis redis;
  private CassandraClient cassandra;
  private HttpServer server;

  public ApiVerticle(ApiConfig config) {
    this.config = config;
  }

  @Override
  public Future<?> start() {
    postgres = PostgresClients.pool(vertx, config.postgres);
    redis = RedisClients.pooled(vertx, config.redis);
    cassandra = CassandraClients.create(vertx, config.cassandra);
    Memberships memberships = new Memberships(redis, postgres);
    Tokens tokens = new Tokens(vertx, config.auth);
    BearerAuth auth = new BearerAuth(tokens);

    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create().setBodyLimit(config.maxBodyBytes));
    new Health()
        .check("postgres", () -> postgres.query("SELECT 1").execute())
        .check("redis", () -> redis.send(Request.cmd(Command.PING)))
        .mount(router);
    if (config.devLogin) {
      new DevSessionRoutes(postgres, tokens).mount(router);
    }
    new ChannelRoutes(postgres, memberships).mount(router, auth);
    new HistoryRoutes(new HistoryReader(cassandra, config.cassandra), memberships).mount(router, auth);
    router.route().last().handler(ctx -> ctx.fail(Problem.notFound("no route " + ctx.request().method() + " " + ctx.request().path())));
    router.route().failureHandler(Problem::handleFailure);

    return vertx.createHttpServer().requestHandler(router).listen(config.http.port, config.http.host)
        .onSuccess(s -> server = s);
  }

  /** The port actually bound (useful when configured as 0). */
  public int port() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    return Future.join(postgres.close(), cassandra.close(), redis.close());
  }
}
