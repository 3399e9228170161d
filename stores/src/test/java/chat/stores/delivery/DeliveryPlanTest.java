package chat.stores.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import chat.schemas.internal.GatewayBatch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

  private static ChannelFrame message(long channel, long seq, long sender) {
    return ChannelFrame.toAll(channel, "{\"type\":\"message\",\"seq\":" + seq + ",\"sender\":" + sender + "}");
  }

  @Test
  void each_gateway_gets_one_batch_with_only_its_users() {
    Map<String, GatewayBatch> plan = DeliveryPlan.plan(
        List.of(message(10, 1, 1)),
        Map.of(10L, Set.of(1L, 2L, 3L)),
        Map.of(1L, Set.of("gw-a"), 2L, Set.of("gw-a", "gw-b")));

    assertThat(plan).containsOnlyKeys("gw-a", "gw-b");
    assertThat(plan.get("gw-a").deliveries()).singleElement().satisfies(d -> assertThat(d.users()).containsExactly(1L, 2L));
    assertThat(plan.get("gw-b").deliveries()).singleElement().satisfies(d -> assertThat(d.users()).containsExactly(2L));
  }

  @Test
  void users_without_a_connected_device_and_non_members_get_nothing() {
    Map<String, GatewayBatch> plan = DeliveryPlan.plan(
        List.of(message(10, 1, 1)),
        Map.of(10L, Set.of(1L)),
        Map.of(9L, Set.of("gw-a")));

    assertThat(plan).isEmpty();
  }

  @Test
  void a_gateway_receives_a_channels_messages_in_seq_order() {
    Map<String, GatewayBatch> plan = DeliveryPlan.plan(
        List.of(message(10, 1, 1), message(10, 2, 1), message(10, 3, 1)),
        Map.of(10L, Set.of(1L)),
        Map.of(1L, Set.of("gw-a")));

    assertThat(plan.get("gw-a").deliveries()).extracting(d -> d.frame().replaceAll(".*\"seq\":(\\d+).*", "$1"))
        .containsExactly("1", "2", "3");
  }

  @Test
  void a_frame_with_an_excepted_user_skips_only_that_user() {
    Map<String, GatewayBatch> plan = DeliveryPlan.plan(
        List.of(new ChannelFrame(10, "{\"type\":\"user_typing\"}", 1L)),
        Map.of(10L, Set.of(1L, 2L)),
        Map.of(1L, Set.of("gw-a"), 2L, Set.of("gw-a")));

    assertThat(plan.get("gw-a").deliveries()).singleElement().satisfies(d -> assertThat(d.users()).containsExactly(2L));
  }

  @Test
  void a_frame_for_some_users_reaches_each_gateway_holding_one_of_them_once() {
    Map<String, GatewayBatch> plan = DeliveryPlan.toUsers("{\"type\":\"presence\"}", List.of(1L, 2L, 3L),
        Map.of(1L, Set.of("gw-a"), 2L, Set.of("gw-a", "gw-b"), 9L, Set.of("gw-c")));

    assertThat(plan).containsOnlyKeys("gw-a", "gw-b");
    assertThat(plan.get("gw-a").deliveries()).singleElement().satisfies(d -> assertThat(d.users()).containsExactly(1L, 2L));
    assertThat(plan.get("gw-b").deliveries()).singleElement().satisfies(d -> assertThat(d.users()).containsExactly(2L));
  }
}
