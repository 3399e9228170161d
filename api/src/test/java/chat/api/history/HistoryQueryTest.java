package chat.api.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import chat.runtime.http.Problem;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryQueryTest {

  private static HistoryQuery parse(String channel, Map<String, String> query) {
    return HistoryQuery.parse(channel, query::get);
  }

  private static void assertRefused(String channel, Map<String, String> query, String naming) {
    assertThatThrownBy(() -> parse(channel, query))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.getMessage()).contains(naming));
  }

  @Test
  void no_parameters_ask_for_the_latest_fifty() {
    assertThat(parse("7", Map.of())).isEqualTo(new HistoryQuery(7, -1, -1, -1, 50));
    assertThat(parse("7", Map.of()).backwards()).isTrue();
  }

  @Test
  void each_cursor_and_the_limit_are_read() {
    assertThat(parse("7", Map.of("before", "9", "limit", "200"))).isEqualTo(new HistoryQuery(7, 9, -1, -1, 200));
    assertThat(parse("7", Map.of("after", "0"))).isEqualTo(new HistoryQuery(7, -1, 0, -1, 50));
    assertThat(parse("7", Map.of("after", "0")).backwards()).isFalse();
    assertThat(parse("7", Map.of("around", "3", "limit", "1"))).isEqualTo(new HistoryQuery(7, -1, -1, 3, 1));
  }

  @Test
  void values_outside_the_contract_are_refused_naming_the_parameter() {
    assertRefused("abc", Map.of(), "channelId");
    assertRefused("0", Map.of(), "channelId");
    assertRefused("7", Map.of("limit", "-3"), "limit");
    assertRefused("7", Map.of("limit", "201"), "limit");
    assertRefused("7", Map.of("before", "0"), "before");
    assertRefused("7", Map.of("after", "-1"), "after");
    assertRefused("7", Map.of("around", "x"), "around");
    assertRefused("7", Map.of("before", "99999999999999999999"), "before");
  }

  @Test
  void two_cursors_at_once_are_refused() {
    assertRefused("7", Map.of("before", "5", "after", "1"), "at most one");
  }
}
