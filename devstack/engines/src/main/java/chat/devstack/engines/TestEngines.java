package chat.devstack.engines;

import java.nio.file.Path;
import java.util.EnumSet;

/**
 * The engines of one test JVM: started on first use, shared by every test class of the JVM,
 * stopped when the JVM exits. Each module's test run gets fresh data and random ports under
 * {@code target/devstack-<pid>}.
 *
 * <pre>
 *   Endpoints engines = TestEngines.start(Engine.KAFKA, Engine.REDIS);
 * </pre>
 */
public final class TestEngines {

  private static DevStack devStack;

  private TestEngines() {}

  public static synchronized Endpoints start(Engine first, Engine... more) {
    if (devStack == null) {
      devStack = DevStack.forTests(Path.of("target", "devstack-" + ProcessHandle.current().pid()));
      Runtime.getRuntime().addShutdownHook(new Thread(devStack::close, "devstack-stop"));
    }
    return devStack.start(EnumSet.of(first, more)).endpoints();
  }

  public static Endpoints all() {
    return start(Engine.KAFKA, Engine.CASSANDRA, Engine.REDIS, Engine.POSTGRES);
  }
}
