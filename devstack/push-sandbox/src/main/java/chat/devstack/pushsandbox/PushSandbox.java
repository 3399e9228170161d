package chat.devstack.pushsandbox;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SelfSignedCertificate;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;

/**
 * Local stand-ins for the three push services, each checking what it receives as the real one
 * would (see {@link WebPushEndpoint}, {@link FcmEndpoint}, {@link ApnsEndpoint}): FCM on an HTTP
 * port, Web Push and APNs on a TLS port (self-signed certificate; HTTP/2 by ALPN, which APNs
 * requires). It makes the credentials a pusher
 * needs (VAPID keys, a service account key file, a .p8 key) and records what was accepted and
 * what was refused. Answers can be scripted per target (a 410, a 429 with Retry-After, 500s).
 */
public final class PushSandbox {

  private final Scripts scripts = new Scripts();
  private final String vapidPublic;
  private final String vapidPrivate;
  private final WebPushEndpoint webPush;
  private final FcmEndpoint fcm;
  private final ApnsEndpoint apns;
  private HttpServer http;
  private HttpServer http2;

  private PushSandbox() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    var vapid = generator.generateKeyPair();
    vapidPublic = WebPushEndpoint.b64(WebPushEndpoint.point((ECPublicKey) vapid.getPublic()));
    byte[] scalar = ((ECPrivateKey) vapid.getPrivate()).getS().toByteArray();
    byte[] raw = new byte[32];
    System.arraycopy(scalar, Math.max(0, scalar.length - 32), raw, 32 - Math.min(32, scalar.length), Math.min(32, scalar.length));
    vapidPrivate = WebPushEndpoint.b64(raw);
    webPush = new WebPushEndpoint(scripts, vapidPublic);
    fcm = new FcmEndpoint(scripts);
    apns = new ApnsEndpoint(scripts);
  }

  /** Starts the endpoints on free loopback ports. */
  public static Future<PushSandbox> start(Vertx vertx) {
    PushSandbox sandbox;
    try {
      sandbox = new PushSandbox();
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create());
    router.post("/token").handler(sandbox.fcm::token);
    router.post("/v1/projects/:project/messages:send").handler(sandbox.fcm::send);
    Router apnsRouter = Router.router(vertx);
    apnsRouter.route().handler(BodyHandler.create());
    apnsRouter.post("/3/device/:token").handler(sandbox.apns::handle);
    apnsRouter.post("/push/:id").handler(sandbox.webPush::handle);
    SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
    HttpServerOptions tls = new HttpServerOptions().setSsl(true).setUseAlpn(true).setKeyCertOptions(certificate.keyCertOptions());
    return vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .compose(server -> {
          sandbox.http = server;
          String origin = "http://127.0.0.1:" + server.actualPort();
          sandbox.fcm.listeningAt(origin);
          return vertx.createHttpServer(tls).requestHandler(apnsRouter).listen(0, "127.0.0.1");
        })
        .map(server -> {
          sandbox.http2 = server;
          sandbox.webPush.listeningAt("https://127.0.0.1:" + server.actualPort());
          return sandbox;
        });
  }

  /** The browser side: a new Web Push subscription {endpoint, keys: {p256dh, auth}}. */
  public JsonObject webPushSubscription(String id) {
    return webPush.subscribe(id);
  }

  /** The VAPID public key (base64url point) the pusher must be configured with. */
  public String vapidPublicKey() {
    return vapidPublic;
  }

  /** The VAPID private key (base64url scalar) the pusher must be configured with. */
  public String vapidPrivateKey() {
    return vapidPrivate;
  }

  /** Writes the FCM service account key file and returns its path. */
  public Path writeServiceAccount(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("fcm-service-account.json"), fcm.serviceAccount().encodePrettily());
  }

  /** Base URL to configure as the FCM endpoint. */
  public String fcmEndpoint() {
    return fcm.endpoint();
  }

  public int fcmTokensGranted() {
    return fcm.tokensGranted();
  }

  /** Writes the APNs .p8 key and returns its path (key id {@link ApnsEndpoint#KEY_ID}, team {@link ApnsEndpoint#TEAM_ID}). */
  public Path writeApnsKey(Path dir) throws IOException {
    Files.createDirectories(dir);
    return Files.writeString(dir.resolve("apns-key.p8"), apns.p8());
  }

  /** Base URL of the APNs endpoint (HTTP/2, TLS with a self-signed certificate). */
  public String apnsEndpoint() {
    return "https://127.0.0.1:" + http2.actualPort();
  }

  /** The next answers for a target (subscription id, FCM or APNs token), before it gets the normal one again. */
  public void script(String target, Answer... next) {
    scripts.script(target, next);
  }

  /** Notifications accepted, in arrival order. */
  public List<Received> received() {
    return List.copyOf(scripts.received);
  }

  /** Requests refused because something was wrong with them (a bad signature, a bad encryption, a header): should stay empty. */
  public List<String> rejected() {
    return List.copyOf(scripts.rejected);
  }

  /** Forgets the refusals so far (after a test that provoked one on purpose). */
  public void clearRejected() {
    scripts.rejected.clear();
  }

  /** When each request for the target arrived, whatever it was answered (ms). */
  public List<Long> attemptsAt(String target) {
    return scripts.attempts.stream().filter(a -> a.target().equals(target)).map(Scripts.Attempt::atMs).toList();
  }

  public Future<Void> close() {
    return Future.join(http.close(), http2.close()).mapEmpty();
  }
}
