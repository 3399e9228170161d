package chat.bench.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The startup benchmark at CI scale: one launch of the built all-in-one on a fresh data folder. */
class StartupTimeIT {

  @Test
  void the_all_in_one_is_timed_from_launch_to_ready_and_stopped() throws Exception {
    Path launcher = Path.of("..", "devstack", "launcher");
    String classpath = launcher.resolve("target/classes") + File.pathSeparator
        + Files.readString(launcher.resolve("target/launcher.classpath")).trim();
    Path work = Path.of("target", "startup-" + UUID.randomUUID());

    StartupTime.Result result = new StartupTime(new StartupTime.Options(classpath, 1, true, work)).run();

    assertThat(result.readySeconds()).hasSize(1);
    assertThat(result.readySeconds().get(0)).isPositive().isLessThan(300);
    assertThat(Files.readString(work.resolve("all-in-one-0.log"))).contains(StartupTime.READY_LINE);
    assertThat(result.markdown()).contains("| 1 | fresh |");
  }
}
