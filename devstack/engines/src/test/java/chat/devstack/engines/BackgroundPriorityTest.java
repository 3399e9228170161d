package chat.devstack.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundPriorityTest {

  @Test
  void one_renice_takes_every_id_at_the_lowest_priority() {
    assertThat(BackgroundPriority.command(List.of(41L, 42L, 4_194_303L)))
        .containsExactly("renice", "-n", "19", "-p", "41", "42", "4194303");
  }

  @Test
  void there_is_nothing_to_renice_without_an_id() {
    assertThatThrownBy(() -> BackgroundPriority.command(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_stat_line_gives_the_thread_its_name_and_nice_value() {
    String stat = "4242 (MutationStage-1) S 4200 4200 3150 0 -1 1077936192 120 0 0 0 310 42 0 0 39 19 71 0 "
        + "123456 4000000000 70000 18446744073709551615 1 1 0 0 0 0 4 0 16902 0 0 0 -1 1 0 0 0 0 0";
    assertThat(BackgroundPriority.Task.parse(stat)).isEqualTo(new BackgroundPriority.Task(4242, "MutationStage-1", 19));
  }

  @Test
  void a_thread_name_with_spaces_and_parentheses_does_not_shift_the_fields() {
    String stat = "77 (GC Thread#0 (x) y) R 1 1 1 0 -1 0 0 0 0 0 5 6 0 0 20 0 1 0 9 9 9";
    assertThat(BackgroundPriority.Task.parse(stat)).isEqualTo(new BackgroundPriority.Task(77, "GC Thread#0 (x) y", 0));
  }

  @Test
  void a_line_that_is_not_a_stat_line_is_refused() {
    assertThatThrownBy(() -> BackgroundPriority.Task.parse("no parentheses here"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void the_jit_compilers_keep_their_priority_and_every_other_thread_goes_to_the_background() {
    assertThat(BackgroundPriority.keepsPriority("C2 CompilerThre")).isTrue();
    assertThat(BackgroundPriority.keepsPriority("C1 CompilerThre")).isTrue();
    assertThat(BackgroundPriority.keepsPriority("MutationStage-1")).isFalse();
    assertThat(BackgroundPriority.keepsPriority("GC Thread#0")).isFalse();
    assertThat(BackgroundPriority.keepsPriority("CompactionExecu")).isFalse();
  }

  @Test
  void this_jvms_threads_are_read_with_their_names_and_nice_values() throws Exception {
    List<BackgroundPriority.Task> threads = BackgroundPriority.threadsOf(ProcessHandle.current().pid());
    assertThat(threads).hasSizeGreaterThan(1)
        .allSatisfy(thread -> assertThat(thread.nice()).isBetween(-20, 19))
        .anySatisfy(thread -> assertThat(BackgroundPriority.keepsPriority(thread.name())).isTrue());
  }
}
