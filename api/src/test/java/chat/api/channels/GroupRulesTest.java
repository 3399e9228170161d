package chat.api.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupRulesTest {

  @Test
  void owners_and_admins_manage_members_do_not() {
    assertThat(GroupRules.canManage("owner")).isTrue();
    assertThat(GroupRules.canManage("admin")).isTrue();
    assertThat(GroupRules.canManage("member")).isFalse();
  }

  @Test
  void anyone_may_leave() {
    assertThat(GroupRules.canRemove(5, "member", 5, "member")).isTrue();
    assertThat(GroupRules.canRemove(5, "owner", 5, "owner")).isTrue();
  }

  @Test
  void the_owner_removes_anyone_an_admin_only_plain_members_a_member_nobody() {
    assertThat(GroupRules.canRemove(1, "owner", 2, "admin")).isTrue();
    assertThat(GroupRules.canRemove(1, "admin", 2, "member")).isTrue();
    assertThat(GroupRules.canRemove(1, "admin", 2, "admin")).isFalse();
    assertThat(GroupRules.canRemove(1, "admin", 2, "owner")).isFalse();
    assertThat(GroupRules.canRemove(1, "member", 2, "member")).isFalse();
  }
}
