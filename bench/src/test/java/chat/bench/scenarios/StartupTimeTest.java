package chat.bench.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StartupTimeTest {

  /** The options between {@code exec java} and {@code ${JAVA_OPTS}} in the script. */
  private static final Pattern RUN_LOCAL_JVM_OPTIONS = Pattern.compile("exec java (.*?) \\$\\{JAVA_OPTS");

  @Test
  void the_all_in_one_is_launched_with_the_jvm_options_of_run_local() throws Exception {
    Matcher options = RUN_LOCAL_JVM_OPTIONS.matcher(Files.readString(Path.of("..", "run-local")));
    assertThat(options.find()).as("run-local's java command line").isTrue();

    assertThat(StartupTime.JVM_OPTIONS).isEqualTo(List.of(options.group(1).trim().split("\\s+")));
  }
}
