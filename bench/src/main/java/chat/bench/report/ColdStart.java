package chat.bench.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which of the system's JVMs had started only just before a run measured. For the first minutes
 * after a start their JIT compilers take a good part of the two cores and the code runs slower,
 * so a run then measures a warming system: after a restart 1:1 at 300 msg/s fell 1.5-15 s behind
 * for about a minute (bench/README.md). Start times from {@link ProcessHandle}, roles from the
 * whole command line ({@link ProcessCpu#commandLine}, {@link ProcessCpu#role}).
 */
public final class ColdStart {

  /** Younger than this at the window's start counts as still warming. */
  public static final Duration WARM = Duration.ofMinutes(2);

  /** The roles whose JIT warm-up shows in the figures: the JVMs under test, not the load generator, which warms itself up. */
  private static final Set<String> JVM_ROLES = ProcessCpu.javaRoles().stream()
      .filter(role -> !role.equals("load generator")).collect(Collectors.toUnmodifiableSet());

  private ColdStart() {}

  /**
   * The age in seconds at {@code at} of the youngest process of each JVM role under test, for
   * those younger than {@link #WARM}.
   */
  public static Map<String, Long> warming(Instant at) {
    Map<String, Long> young = new TreeMap<>();
    ProcessHandle.allProcesses().forEach(process -> {
      var started = process.info().startInstant();
      String commandLine = ProcessCpu.commandLine(process.pid());
      if (started.isEmpty() || commandLine.isEmpty()) {
        return;
      }
      String role = ProcessCpu.role(commandLine);
      Duration age = Duration.between(started.get(), at);
      if (JVM_ROLES.contains(role) && age.compareTo(WARM) < 0) {
        young.merge(role, Math.max(0, age.toSeconds()), Math::min);
      }
    });
    return young;
  }

  /** A warning line for the report naming the roles in alphabetical order, or "" when nothing was warming. */
  public static String markdown(Map<String, Long> warming) {
    if (warming == null || warming.isEmpty()) {
      return "";
    }
    String which = warming.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> String.format(Locale.ROOT, "%s %d s", e.getKey(), e.getValue()))
        .collect(Collectors.joining(", "));
    return "**warning: started just before the measured window** (" + which + "): their JIT compilers were still at work,"
        + " so these figures are a warming system's; run ~2 minutes of load first (bench/README.md)\n";
  }
}
