package chat.devstack.engines;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of an engine's child JVM. It depends on the JDK only: the engine's classes are
 * reached by reflection, so this class can sit on a classpath made of nothing but the engine.
 *
 * <p>It exits when the parent process dies, so a crashed launcher or test JVM never leaves an
 * orphan broker behind.
 *
 * <pre>
 *   EngineChild kafka &lt;server.properties&gt; &lt;cluster-id&gt;
 *   EngineChild main  &lt;main class&gt; [args...]
 * </pre>
 */
public final class EngineChild {

  private EngineChild() {}

  public static void main(String[] args) throws Exception {
    ProcessHandle.current().parent().ifPresent(parent ->
        parent.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));

    switch (args[0]) {
      case "kafka" -> startKafka(args[1], args[2]);
      case "main" -> invokeMain(args[1], Arrays.copyOfRange(args, 2, args.length));
      default -> throw new IllegalArgumentException("unknown engine child mode " + args[0]);
    }
  }

  private static void startKafka(String properties, String clusterId) throws Exception {
    Method format = Class.forName("kafka.tools.StorageTool")
        .getMethod("execute", String[].class, PrintStream.class);
    int rc = (int) format.invoke(null, new String[] {
        "format", "-t", clusterId, "-c", properties, "--ignore-formatted"}, System.out);
    if (rc != 0) {
      System.err.println("kafka storage format failed with exit code " + rc);
      System.exit(rc);
    }
    invokeMain("kafka.Kafka", new String[] {properties});
  }

  private static void invokeMain(String mainClass, String[] args) throws Exception {
    Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) args);
  }
}
