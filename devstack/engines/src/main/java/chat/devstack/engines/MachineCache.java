package chat.devstack.engines;

import java.nio.file.Path;

/**
 * Folders kept between runs on this machine and shared by every data folder (local runs, tests,
 * benchmarks): what is costly to make and the same every time — the PostgreSQL binaries unpacked
 * from their jar, the engines' class-data archives. Under {@code $XDG_CACHE_HOME/chat-devstack}
 * ({@code ~/.cache/chat-devstack} by default); deleting it only costs the next start the time to
 * make them again.
 */
final class MachineCache {

  private MachineCache() {}

  static Path dir(String name) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("chat-devstack").resolve(name);
  }
}
