package chat.bench.capacity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client processes ({@link ConnectionHolder}) of the capacity benchmark, each bound to a
 * source address of its own (127.0.0.2, 127.0.0.3, …: ~28,000 ephemeral ports per address),
 * driven over their stdin and followed through the status lines they print.
 */
public final class Holders implements AutoCloseable {

  private final CapacityPlan plan;
  private final List<Holder> holders = new ArrayList<>();
  private final Object changed = new Object();

  private final class Holder {
    final int index;
    final Process process;
    final PrintWriter commands;
    volatile HolderStatus latest; // null until the process has started and reported

    Holder(int index, Process process, Path log) {
      this.index = index;
      this.process = process;
      this.commands = new PrintWriter(process.outputWriter(StandardCharsets.UTF_8), true);
      Thread reader = new Thread(() -> follow(log), "holder-" + process.pid());
      reader.setDaemon(true);
      reader.start();
    }

    /** Keeps the latest status; the rest of the output (its log) goes to a file. */
    private void follow(Path log) {
      try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
          Writer file = Files.newBufferedWriter(log)) {
        for (String line = output.readLine(); line != null; line = output.readLine()) {
          var status = HolderStatus.parse(line);
          if (status.isPresent()) {
            latest = status.get();
            synchronized (changed) {
              changed.notifyAll();
            }
          } else {
            file.write(line);
            file.write('\n');
            file.flush();
          }
        }
      } catch (IOException e) {
        // the process ended
      }
      synchronized (changed) {
        changed.notifyAll();
      }
    }
  }

  private Holders(CapacityPlan plan) {
    this.plan = plan;
  }

  /** Source address of client process {@code h}. */
  public static String sourceAddress(int h) {
    return "127.0.0." + (2 + h % 250);
  }

  public static Holders start(CapacityPlan plan, Path tokens, long heartbeatMs, String heap, Path logDir) throws IOException {
    Holders started = new Holders(plan);
    try {
      for (int h = 0; h < plan.holders(); h++) {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + heap, "-cp", System.getProperty("java.class.path"), ConnectionHolder.class.getName(),
            sourceAddress(h), Integer.toString(h), plan.format(), Long.toString(heartbeatMs), tokens.toString()))
            .redirectError(ProcessBuilder.Redirect.appendTo(logDir.resolve("holder-" + h + ".err").toFile()))
            .start();
        started.holders.add(started.new Holder(h, process, logDir.resolve("holder-" + h + ".log")));
      }
      return started;
    } catch (IOException | RuntimeException e) {
      started.close();
      throw e;
    }
  }

  /** Waits until every client process has started (its first status line). */
  public void awaitStarted(Duration timeout) throws InterruptedException, TimeoutException {
    await(holder -> holder.latest != null, timeout, "client processes not started");
  }

  /** Asks the client processes to hold the first {@code total} connections of the plan between them. */
  public void open(int total) {
    for (int h = 0; h < holders.size(); h++) {
      holders.get(h).commands.println("open " + plan.share(total, h));
    }
  }

  /** Waits until every client process has settled (opened or failed) its share of {@code total} attempts. */
  public HolderStatus awaitSettled(int total, Duration timeout) throws InterruptedException, TimeoutException {
    await(holder -> holder.latest != null && holder.latest.settled() >= plan.share(total, holder.index), timeout,
        "connections not settled");
    return total();
  }

  private void await(java.util.function.Predicate<Holder> done, Duration timeout, String failure)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (changed) {
      while (!holders.stream().allMatch(done)) {
        for (Holder holder : holders) {
          if (!holder.process.isAlive()) {
            throw new IllegalStateException("client process " + holder.process.pid() + " exited");
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new TimeoutException(failure + " after " + timeout + ": " + total());
        }
        changed.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
      }
    }
  }

  /** The latest statuses, added up. */
  public HolderStatus total() {
    int opened = 0;
    int failed = 0;
    int closed = 0;
    int retried = 0;
    for (Holder holder : holders) {
      HolderStatus status = holder.latest == null ? HolderStatus.NONE : holder.latest;
      opened += status.opened();
      failed += status.failed();
      closed += status.closed();
      retried += status.retried();
    }
    return new HolderStatus(opened, failed, closed, retried);
  }

  public List<Long> pids() {
    return holders.stream().map(h -> h.process.pid()).toList();
  }

  /** Ends the client processes' input (they close their sockets and exit), then waits. */
  @Override
  public void close() {
    for (Holder holder : holders) {
      holder.commands.close();
    }
    for (Holder holder : holders) {
      try {
        if (!holder.process.waitFor(30, TimeUnit.SECONDS)) {
          holder.process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        holder.process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
