package chat.runtime.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

class ThrottledWarningTest {

  private final List<String> lines = new ArrayList<>();
  /** A Logger that keeps the patterns passed to warn(String, Object...). */
  private final Logger log = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
      (proxy, method, args) -> {
        if (method.getName().equals("warn") && args.length == 2 && args[1] instanceof Object[]) {
          lines.add((String) args[0]);
        }
        return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
      });
  private long now = 1_000;

  @Test
  void the_first_warning_is_logged_and_those_within_the_interval_are_only_counted_into_the_next_line() {
    ThrottledWarning warning = new ThrottledWarning(log, Duration.ofSeconds(10), () -> now);

    warning.warn("send failed: {}", "timeout");
    now += 1_000;
    warning.warn("send failed: {}", "timeout");
    warning.warn("send failed: {}", "timeout");
    now += 9_000;
    warning.warn("send failed: {}", "broker down");
    now += 10_000;
    warning.warn("send failed: {}", "again");

    assertThat(lines).containsExactly("send failed: {}", "send failed: {} (and 2 more like it since the last report)",
        "send failed: {}");
  }
}
