package chat.devstack.engines;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The classpath of an engine's child JVM, written at build time by the
 * {@code devstack-<engine>-classpath} module into {@code devstack/<engine>.classpath}.
 */
final class EngineClasspath {

  private EngineClasspath() {}

  static String of(String engine) {
    String resource = "devstack/" + engine + ".classpath";
    try (InputStream in = EngineClasspath.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new EngineStartException(engine, resource + " is missing from the classpath; build with Maven first");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where this module's classes are (a folder or a jar), so the child can run {@link EngineChild}. */
  static String self() {
    try {
      return Path.of(EngineChild.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
