package chat.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of this machine's processes, summed by role: each engine, the all-in-one or a stage,
 * the load generator, the kernel's own threads by name, everything else. Read from
 * {@code /proc/<pid>/stat} (user + system time); the role comes from the command line, or for a
 * kernel thread (no command line) from its name. On one machine this names which process took
 * the cores during a run; against a remote deployment it still shows the load generator's own share.
 */
public final class ProcessCpu {

  private static final Path PROC = Path.of("/proc");

  /**
   * Markers in a Java process's command line (its main class, or the engine it runs) and the role
   * they name, first match wins. Main classes come first: a classpath may name anything.
   */
  private static final String[][] JAVA_ROLES = {
      {"chat.bench.", "load generator"},
      {"chat.devstack.launcher.AllInOne", "all-in-one"},
      {"chat.gateway.", "gateway"},
      {"chat.sequencer.", "sequencer"},
      {"chat.persister.", "persister"},
      {"chat.router.", "router"},
      {"chat.presence.", "presence"},
      {"chat.pusher.", "pusher"},
      {"chat.api.", "api"},
      {"EngineChild kafka", "kafka"},
      {"kafka.Kafka", "kafka"},
      {"EngineChild cassandra", "cassandra"},
      {"CassandraDaemon", "cassandra"},
  };

  private ProcessCpu() {}

  /** Every role {@link #role} gives a JVM, in the order of {@code JAVA_ROLES}. */
  public static java.util.Set<String> javaRoles() {
    java.util.Set<String> roles = new java.util.LinkedHashSet<>();
    for (String[] role : JAVA_ROLES) {
      roles.add(role[1]);
    }
    return roles;
  }

  /**
   * The role of a process from its command line (arguments joined by spaces). PostgreSQL and
   * Redis are known by their program (PostgreSQL's children rename themselves "postgres: …"; the
   * devstack's Redis is named after its version, e.g. {@code redis-server-7.0.15-linux-amd64}), the
   * JVMs by {@link #JAVA_ROLES}.
   */
  public static String role(String commandLine) {
    String program = commandLine.split(" ", 2)[0];
    if (program.endsWith("/postgres") || program.equals("postgres") || program.startsWith("postgres:")) {
      return "postgresql";
    }
    if (program.substring(program.lastIndexOf('/') + 1).startsWith("redis-server")) {
      return "redis";
    }
    for (String[] role : JAVA_ROLES) {
      if (commandLine.contains(role[0])) {
        return role[1];
      }
    }
    return "other";
  }

  /**
   * The role of a kernel thread, from the name in its {@code stat} line: "kernel " and the name
   * without its instance suffix, so that {@code kworker/1:2}, {@code ksoftirqd/0},
   * {@code kdamond.0} and {@code kcompactd0} count as {@code kernel kworker},
   * {@code kernel ksoftirqd}, {@code kernel kdamond} and {@code kernel kcompactd}. Some of them
   * take a real share of a small box: the loopback's packets in {@code ksoftirqd}, or a memory
   * monitor ({@code kdamond}, DAMON) that a host may run on its guests (bench/README.md).
   */
  public static String kernelRole(String statLine) {
    String name = statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
    return "kernel " + name.replaceFirst("[/.:].*$", "").replaceFirst("\\d+$", "");
  }

  /**
   * User plus system clock ticks from a {@code /proc/<pid>/stat} line. The command name in
   * parentheses may hold spaces and parentheses itself, so fields are counted after the last ')'.
   */
  public static long ticks(String statLine) {
    String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
    if (f.length < 13) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + statLine);
    }
    return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
  }

  /**
   * The whole command line of a process, arguments joined by spaces; empty for a kernel thread,
   * a process that ended, or where there is no {@code /proc}. ({@link ProcessHandle.Info#commandLine}
   * stops at 4,096 characters, before the main class of a JVM with a long class path.)
   */
  public static String commandLine(long pid) {
    try {
      return new String(Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("cmdline")), StandardCharsets.UTF_8)
          .replace('\0', ' ').trim();
    } catch (IOException | RuntimeException gone) {
      return "";
    }
  }

  /** Ticks by role at one moment. */
  public static Map<String, Long> read() {
    Map<String, Long> byRole = new TreeMap<>();
    try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
      for (Path pid : pids) {
        try {
          String commandLine = commandLine(Long.parseLong(pid.getFileName().toString()));
          String stat = Files.readString(pid.resolve("stat"));
          String role = commandLine.isBlank() ? kernelRole(stat) : role(commandLine);
          byRole.merge(role, ticks(stat), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the process ended between the listing and the read
        }
      }
    } catch (IOException | RuntimeException noProc) {
      return Map.of();
    }
    return byRole;
  }

  /**
   * Cores each role kept busy between two readings: its ticks over the ticks one core had in the
   * same time ({@code coreTicks}, from the machine's {@code /proc/stat} total over its cores).
   * Roles that used nothing are left out; processes that started in between count from zero.
   */
  public static Map<String, Double> cores(Map<String, Long> from, Map<String, Long> to, double coreTicks) {
    Map<String, Double> cores = new TreeMap<>();
    if (coreTicks <= 0) {
      return cores;
    }
    to.forEach((role, ticks) -> {
      long used = ticks - from.getOrDefault(role, 0L);
      if (used > 0) {
        cores.put(role, used / coreTicks);
      }
    });
    return cores;
  }
}
