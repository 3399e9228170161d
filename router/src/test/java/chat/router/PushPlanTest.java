package chat.router;

import static org.assertj.core.api.Assertions.assertThat;

import chat.schemas.events.MessageSequenced;
import chat.schemas.events.PushRequested;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PushPlanTest {

  private static final MessageSequenced MESSAGE = new MessageSequenced(10, 7, 1, "phone", UUID.randomUUID(), "hi", 1000, 990);

  @Test
  void only_members_with_no_connected_device_get_a_push_and_never_the_sender() {
    List<Long> offline = PushPlan.offlineMembers(MESSAGE, Set.of(1L, 2L, 3L), Map.of(2L, Set.of("gw-a")));

    assertThat(offline).containsExactly(3L);
  }

  @Test
  void the_badge_is_the_seq_minus_the_read_position() {
    List<PushRequested> pushes = PushPlan.requests(MESSAGE, List.of(3L, 4L), Map.of(3L, 5L));

    assertThat(pushes).extracting(PushRequested::userId, PushRequested::unread)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, 2L), org.assertj.core.groups.Tuple.tuple(4L, 7L));
    assertThat(pushes.get(0).channelId()).isEqualTo(10);
    assertThat(pushes.get(0).seq()).isEqualTo(7);
  }
}
