package chat.presence;

import static org.assertj.core.api.Assertions.assertThat;

import chat.presence.events.EventApplier;
import chat.presence.notices.FriendNotices;
import chat.schemas.events.PresenceEvent;
import chat.schemas.frames.PresenceFrame;
import chat.stores.presence.PresenceStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceLogicTest {

  @Test
  void a_batch_is_split_by_user_keeping_each_users_order() {
    PresenceEvent a1 = PresenceEvent.connected(1, "phone", "c1", "gw", 1);
    PresenceEvent b1 = PresenceEvent.connected(2, "phone", "c2", "gw", 2);
    PresenceEvent a2 = PresenceEvent.disconnected(1, "phone", "c1", "gw", "closed", 3);

    assertThat(EventApplier.byUser(List.of(a1, b1, a2))).containsExactly(
        org.assertj.core.api.Assertions.entry(1L, List.of(a1, a2)),
        org.assertj.core.api.Assertions.entry(2L, List.of(b1)));
  }

  @Test
  void friends_see_the_last_activity_of_a_visible_user_only() {
    PresenceStore.Notice notice = new PresenceStore.Notice(7, "offline", 1_000, 3);

    assertThat(FriendNotices.frame(notice, false)).isEqualTo(new PresenceFrame(7, "offline", 1_000L, 3));
    assertThat(FriendNotices.frame(notice, true)).isEqualTo(new PresenceFrame(7, "offline", null, 3));
    assertThat(FriendNotices.frame(new PresenceStore.Notice(7, "offline", 0, 1), false).lastActiveAt()).isNull();
  }
}
