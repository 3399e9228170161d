package chat.devstack.engines;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A real PostgreSQL 17 from the zonky binaries; a kept data folder is reused, not re-initialised. */
final class PostgresEngine implements EngineInstance {

  private final EmbeddedPostgres postgres;
  private final long postmasterPid;

  private PostgresEngine(EmbeddedPostgres postgres, long postmasterPid) {
    this.postgres = postgres;
    this.postmasterPid = postmasterPid;
  }

  static PostgresEngine start(Path dir, int port, boolean fresh) {
    Path data = dir.resolve("data");
    stopLeftover(data.resolve("postmaster.pid"));
    Ports.requireFree("PostgreSQL", port);
    try {
      Files.createDirectories(dir);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setPort(port)
          .setDataDirectory(data)
          .setCleanDataDirectory(fresh)
          .setRegisterShutdownHook(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          // unpacked once per machine, not per data folder: unpacking took several CPU seconds of every fresh start
          .setOverrideWorkingDirectory(MachineCache.dir("postgres").toFile())
          .setOutputRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
          .setErrorRedirector(ProcessBuilder.Redirect.appendTo(dir.resolve("postgres.log").toFile()))
          .setServerConfig("max_connections", "200")
          .setServerConfig("fsync", fresh ? "off" : "on")
          .start();
      long pid = PidRegistry.pidFromFile(data.resolve("postmaster.pid")).orElse(-1L);
      if (pid > 0) {
        PidRegistry.register("PostgreSQL", pid);
      }
      return new PostgresEngine(postgres, pid);
    } catch (IOException | RuntimeException e) {
      throw new EngineStartException("PostgreSQL", e.getMessage(), e);
    }
  }

  /** A postmaster left running by a crashed earlier run on a kept data folder. */
  private static void stopLeftover(Path pidFile) {
    PidRegistry.pidFromFile(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(p -> p.isAlive() && p.info().command().map(c -> c.contains("postgres")).orElse(false))
        .ifPresent(p -> PidRegistry.kill(p, Duration.ofSeconds(15)));
  }

  @Override
  public void describe(Endpoints.Builder endpoints) {
    endpoints.postgresHost = "127.0.0.1";
    endpoints.postgresPort = postgres.getPort();
    endpoints.postgresDatabase = "postgres";
    endpoints.postgresUser = "postgres";
    endpoints.postgresPassword = "postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      ProcessHandle.of(postmasterPid).ifPresent(p -> PidRegistry.kill(p, Duration.ofSeconds(10)));
    }
    PidRegistry.unregister(postmasterPid);
  }
}
