package chat.api;

import static org.assertj.core.api.Assertions.assertThat;

import chat.devstack.engines.EngineConfigs;
import chat.devstack.engines.Endpoints;
import chat.devstack.engines.TestEngines;
import chat.runtime.config.HttpConfig;
import chat.runtime.postgres.PostgresClients;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Shared set-up of the api's integration tests: the api on real engines, and a client. */
abstract class ApiTestBase {

  static final String PASSWORD = "correct horse battery";
  private static final AtomicInteger NAMES = new AtomicInteger();
  static Vertx vertx;
  static WebClient http;
  static Pool postgres;

  @BeforeAll
  static void start() throws Exception {
    if (vertx != null) {
      return;
    }
    Endpoints engines = TestEngines.all();
    ApiConfig config = new ApiConfig();
    config.http = new HttpConfig(0);
    config.postgres = EngineConfigs.postgres(engines);
    config.redis = EngineConfigs.redis(engines);
    config.cassandra = EngineConfigs.cassandra(engines);
    config.kafka = EngineConfigs.kafka(engines);
    config.loginAttemptsPerAddress = 10_000; // every test logs in from 127.0.0.1
    Vertx started = Vertx.vertx();
    // the persister owns the history tables; it is not running here, so create them as it would
    var cassandra = await(chat.runtime.cassandra.CassandraClients.connect(started, config.cassandra));
    await(chat.stores.history.HistorySchema.ensure(cassandra, config.cassandra).eventually(cassandra::close));
    ApiVerticle api = await(ApiStage.deploy(started, config));
    http = WebClient.create(started, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(api.port()));
    postgres = PostgresClients.pool(started, config.postgres);
    Runtime.getRuntime().addShutdownHook(new Thread(started::close));
    vertx = started;
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  static String uniqueName() {
    return "u" + NAMES.incrementAndGet() + "_" + System.nanoTime() % 1_000_000;
  }

  /** A new account, logged in by its sign-up: {user_id, username, token, session_id, expires_at}. */
  static JsonObject user() throws Exception {
    JsonObject credentials = new JsonObject().put("username", uniqueName()).put("password", PASSWORD);
    HttpResponse<Buffer> signedUp = await(http.post("/v1/accounts").sendJsonObject(credentials));
    assertThat(signedUp.statusCode()).as(signedUp.bodyAsString()).isEqualTo(201);
    return signedUp.bodyAsJsonObject();
  }

  static void assertProblem(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    assertThat(response.getHeader("content-type")).isEqualTo("application/problem+json");
    assertThat(response.bodyAsJsonObject().getString("type")).isEqualTo("https://chatplatform.org/problems/" + code);
  }
}
