package chat.bench.capacity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The memory of a running JVM on this machine: heap in use right after a full collection (asked
 * of it with the JDK's {@code jcmd}, so what is left is what is really held) and its resident set
 * size from {@code /proc}.
 */
public final class ProcessMemory {

  private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
  private static final Pattern RSS = Pattern.compile("VmRSS:\\s+(\\d+) kB");

  /** Bytes of heap in use after a full GC, and resident bytes. */
  public record Sample(long heapBytes, long rssBytes) {
    public static final Sample ZERO = new Sample(0, 0);

    public Sample plus(Sample other) {
      return new Sample(heapBytes + other.heapBytes, rssBytes + other.rssBytes);
    }

    public Sample minus(Sample other) {
      return new Sample(heapBytes - other.heapBytes, rssBytes - other.rssBytes);
    }
  }

  private ProcessMemory() {}

  /** Collects the process's garbage, then samples it. */
  public static Sample afterFullGc(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    return new Sample(heapUsed(jcmd(pid, "GC.heap_info")), rss(pid));
  }

  /** Resident bytes of a process (no collection). */
  public static long rss(long pid) throws IOException {
    return rssFromStatus(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
  }

  /** The heap's used bytes in the output of {@code jcmd <pid> GC.heap_info} (G1, Parallel or Serial). */
  static long heapUsed(String heapInfo) {
    Matcher used = HEAP_USED.matcher(heapInfo);
    if (!used.find()) {
      throw new IllegalArgumentException("no heap usage in: " + heapInfo);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  static long rssFromStatus(String status) {
    Matcher rss = RSS.matcher(status);
    if (!rss.find()) {
      throw new IllegalArgumentException("no VmRSS in the process status");
    }
    return Long.parseLong(rss.group(1)) * 1024;
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(List.of(jcmd.toString(), Long.toString(pid), command)).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + output);
    }
    return output;
  }
}
