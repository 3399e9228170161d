package chat.devstack.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Port helpers on loopback. */
public final class Ports {

  /** The lowest port {@link #free()} hands out. */
  static final int LOWEST = 20_000;
  private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
  private static final int EPHEMERAL_LOW_DEFAULT = 32_768;
  /** Handed out by this process already: a devstack picks all its ports before its engines bind them. */
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private Ports() {}

  /**
   * A port that was free a moment ago on 127.0.0.1, chosen at random below the kernel's
   * ephemeral range ({@code ip_local_port_range}, 32768-60999 by default) and never the same
   * twice in one process. A port from the ephemeral range, which binding port 0 gives, can be
   * taken between this check and the engine's bind by any outgoing connection on the machine
   * (one test devstack's Redis lost its port so to the connections of an all-in-one shutting
   * down); below the range only another listener can take it.
   */
  public static synchronized int free() {
    int below = ephemeralLow();
    for (int attempt = 0; attempt < 200 && below > LOWEST; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
      if (!HANDED_OUT.contains(port) && bindable(port)) {
        HANDED_OUT.add(port);
        return port;
      }
    }
    return anyFree();
  }

  /**
   * The first port of the kernel's ephemeral range (its default where it cannot be read). Read as
   * a stream: {@code Files.readString} gets only the first byte of this sysctl file.
   */
  static int ephemeralLow() {
    try (InputStream in = Files.newInputStream(EPHEMERAL_RANGE)) {
      return Integer.parseInt(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return EPHEMERAL_LOW_DEFAULT;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int anyFree() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fails with a message naming the engine when something already listens on the port. */
  static void requireFree(String engine, int port) {
    if (listening(port)) {
      throw new EngineStartException(engine, "port " + port + " on 127.0.0.1 is already in use"
          + " (another devstack or a system " + engine + "?); stop it or choose other ports");
    }
  }

  static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
