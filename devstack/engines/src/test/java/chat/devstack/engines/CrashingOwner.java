package chat.devstack.engines;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

/** Run in a child JVM by {@link CrashRecoveryIT}: starts Redis, says READY, waits to be killed. */
public final class CrashingOwner {

  private CrashingOwner() {}

  public static void main(String[] args) throws Exception {
    DevStack.local(Path.of(args[0]), Map.of("redis", Integer.parseInt(args[1]))).start(EnumSet.of(Engine.REDIS));
    System.out.println("READY");
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }
}
