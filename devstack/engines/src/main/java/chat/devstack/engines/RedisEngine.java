package chat.devstack.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A {@code redis-server} 7.0 process. The static binary comes from the
 * {@code org.signal:embedded-redis} jar; the process itself is managed here like every other
 * engine (pid registry, log file, readiness probe).
 */
final class RedisEngine implements EngineInstance {

  private static final String VERSION = "7.0.15";

  private final ChildProcess process;
  private final int port;

  private RedisEngine(ChildProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  static RedisEngine start(Path dir, int port) {
    Ports.requireFree("Redis", port);
    Path binary = binary();
    List<String> command = List.of(binary.toString(),
        "--port", Integer.toString(port),
        "--bind", "127.0.0.1",
        "--dir", dir.toString(),
        "--save", "",
        "--appendonly", "no",
        "--daemonize", "no",
        "--pidfile", dir.resolve("redis.pid").toString(),
        "--maxclients", "10000");
    ChildProcess process = ChildProcess.start("Redis", command, dir, dir.resolve("redis.log"));
    RedisEngine engine = new RedisEngine(process, port);
    process.awaitReady(Duration.ofSeconds(20), engine::ready);
    return engine;
  }

  private boolean ready() throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] reply = socket.getInputStream().readNBytes(7);
      return new String(reply, StandardCharsets.US_ASCII).startsWith("+PONG");
    }
  }

  @Override
  public void describe(Endpoints.Builder endpoints) {
    endpoints.redisUri = "redis://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.close();
  }

  /** Extracts the platform's redis-server once into the shared devstack folder. */
  private static synchronized Path binary() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("mac") ? "darwin" : "linux";
    String arch = System.getProperty("os.arch").contains("aarch64") ? "arm64" : "amd64";
    String name = "redis-server-" + VERSION + "-" + os + "-" + arch;
    Path target = Path.of(System.getProperty("java.io.tmpdir"), "chat-devstack", "bin", name);
    try (InputStream in = RedisEngine.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new EngineStartException("Redis", "no bundled " + name + " for this platform");
      }
      byte[] bytes = in.readAllBytes();
      if (!Files.exists(target) || Files.size(target) != bytes.length) {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), name, ".tmp");
        Files.write(tmp, bytes);
        tmp.toFile().setExecutable(true);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
