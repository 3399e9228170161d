package chat.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SendFaultsTest {

  private static final String RATE_LIMITED =
      "{\"type\":\"error\",\"code\":\"rate_limited\",\"message\":\"too many frames\",\"retry_after_ms\":50}";

  @Test
  void error_frames_count_as_refusals_by_their_code_and_other_frames_not_at_all() {
    SendFaults faults = new SendFaults(0);

    faults.frame(RATE_LIMITED);
    faults.frame(RATE_LIMITED);
    faults.frame("{\"type\":\"error\",\"code\":\"unavailable\",\"message\":\"retry\"}");
    faults.frame("{\"type\":\"accepted\",\"channel\":1,\"client_msg_id\":\"5f0c6e1e-7d0b-4a53-9d3c-2b8f3f2f6a11\"}");
    faults.frame("{\"type\":\"message\",\"channel\":1,\"seq\":3,\"body\":\"type error\"}");

    SendFaults.Counts counts = faults.counts(List.of());
    assertThat(counts.refused()).isEqualTo(Map.of("rate_limited", 2L, "unavailable", 1L));
    assertThat(counts.notSent()).isEqualTo(3);
    assertThat(counts.markdown()).isEqualTo("sending: 0 writes failed, 3 refused (rate_limited 2, unavailable 1), 0 sockets closed\n");
  }

  @Test
  void failed_writes_count_only_for_messages_due_in_the_measured_window() {
    SendFaults faults = new SendFaults(1_000);

    faults.watch(Future.failedFuture("WebSocket is closed"), 999);
    faults.watch(Future.failedFuture("WebSocket is closed"), 1_000);
    faults.watch(Future.succeededFuture(), 2_000);

    assertThat(faults.counts(List.of())).isEqualTo(new SendFaults.Counts(1, Map.of(), 0));
  }

  @Test
  void frames_before_the_measured_window_are_not_counted() {
    SendFaults faults = new SendFaults(Long.MAX_VALUE);

    faults.frame(RATE_LIMITED);

    assertThat(faults.counts(List.of()).any()).isFalse();
    assertThat(faults.counts(List.of())).isEqualTo(SendFaults.Counts.NONE);
  }

  @Test
  void an_error_frame_without_a_readable_code_is_still_counted() {
    SendFaults faults = new SendFaults(0);

    faults.frame("{\"type\":\"error\",\"message\":\"no code\"}");
    faults.frame("{\"type\":\"error\",\"code\":");

    assertThat(faults.counts(List.of()).refused()).isEqualTo(Map.of("no code", 1L, "unreadable", 1L));
  }
}
