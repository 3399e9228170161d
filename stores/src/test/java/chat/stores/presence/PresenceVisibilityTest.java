package chat.stores.presence;

import static org.assertj.core.api.Assertions.assertThat;

import chat.schemas.frames.PresenceState;
import chat.stores.presence.PresenceVisibility.Relation;
import org.junit.jupiter.api.Test;

class PresenceVisibilityTest {

  private static final PresenceStore.State ONLINE = new PresenceStore.State("online", 1_000);

  @Test
  void a_friend_sees_status_and_last_activity() {
    assertThat(PresenceVisibility.view(8, new Relation(false, true, false, false, false), ONLINE))
        .contains(new PresenceState(8, "online", 1_000L));
  }

  @Test
  void a_co_member_sees_the_status_but_not_the_last_activity() {
    assertThat(PresenceVisibility.view(8, new Relation(false, false, true, false, false), ONLINE))
        .contains(new PresenceState(8, "online", null));
  }

  @Test
  void a_stranger_and_a_blocked_or_blocking_user_see_nothing() {
    assertThat(PresenceVisibility.view(8, new Relation(false, false, false, false, false), ONLINE)).isEmpty();
    assertThat(PresenceVisibility.view(8, new Relation(false, true, true, true, false), ONLINE)).isEmpty();
  }

  @Test
  void an_invisible_user_shows_as_offline_without_last_activity_to_others_and_as_is_to_themselves() {
    assertThat(PresenceVisibility.view(8, new Relation(false, true, true, false, true), ONLINE))
        .contains(new PresenceState(8, "offline", null));
    assertThat(PresenceVisibility.view(8, new Relation(true, false, false, false, true), ONLINE))
        .contains(new PresenceState(8, "online", 1_000L));
  }

  @Test
  void a_user_never_seen_has_no_last_activity() {
    assertThat(PresenceVisibility.view(8, new Relation(false, true, false, false, false), new PresenceStore.State("offline", 0)))
        .contains(new PresenceState(8, "offline", null));
  }
}
