package chat.runtime.stage;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * Waits, at startup, until an engine accepts TCP connections, and otherwise fails once with a
 * message naming the engine and its address, instead of a client's endless reconnect log.
 */
public final class EngineCheck {

  private EngineCheck() {}

  /** {@code addresses} is {@code host:port[,host:port…]}, or a URI such as {@code redis://host:port}. */
  public static Future<Void> await(Vertx vertx, String engine, String addresses, int waitSeconds) {
    List<Future<Void>> checks = new ArrayList<>();
    for (String address : addresses.split(",")) {
      String hostPort = address.trim().replaceFirst("^[a-z]+://", "").replaceFirst("^.*@", "").replaceFirst("/.*$", "");
      int colon = hostPort.lastIndexOf(':');
      String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      checks.add(awaitOne(vertx, engine, host, port, waitSeconds));
    }
    return Future.any(checks).mapEmpty();
  }

  private static Future<Void> awaitOne(Vertx vertx, String engine, String host, int port, int waitSeconds) {
    NetClient client = vertx.createNetClient(new NetClientOptions().setConnectTimeout(1000));
    long deadline = System.currentTimeMillis() + waitSeconds * 1000L;
    Promise<Void> result = Promise.promise();
    attempt(vertx, client, engine, host, port, deadline, waitSeconds, result);
    return result.future().andThen(ar -> client.close());
  }

  private static void attempt(Vertx vertx, NetClient client, String engine, String host, int port, long deadline,
      int waitSeconds, Promise<Void> result) {
    client.connect(port, host).onComplete(ar -> {
      if (ar.succeeded()) {
        ar.result().close();
        result.complete();
      } else if (System.currentTimeMillis() >= deadline) {
        result.fail(new EngineUnreachableException(engine + " is not reachable at " + host + ":" + port
            + " after " + waitSeconds + " s (" + ar.cause().getMessage() + ")"));
      } else {
        vertx.setTimer(500, id -> attempt(vertx, client, engine, host, port, deadline, waitSeconds, result));
      }
    });
  }

  /** Startup gave up on an engine. */
  public static final class EngineUnreachableException extends RuntimeException {
    public EngineUnreachableException(String message) {
      super(message, null, false, false);
    }
  }
}
