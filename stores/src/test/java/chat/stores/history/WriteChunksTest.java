package chat.stores.history;

import static org.assertj.core.api.Assertions.assertThat;

import chat.schemas.events.MessageSequenced;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class WriteChunksTest {

  private static MessageSequenced message(long channel, long seq, String body) {
    return new MessageSequenced(channel, seq, 1, "d", UUID.randomUUID(), body, 0, 0);
  }

  private static List<List<String>> shape(List<List<MessageSequenced>> chunks) {
    return chunks.stream().map(c -> c.stream().map(m -> m.channelId() + ":" + m.seq()).toList()).toList();
  }

  @Test
  void the_messages_of_a_channel_are_written_together_in_seq_order() {
    List<MessageSequenced> batch = List.of(message(1, 1, "a"), message(2, 1, "b"), message(1, 2, "c"));

    assertThat(shape(WriteChunks.of(batch, 16, 4000))).containsExactly(List.of("1:1", "1:2"), List.of("2:1"));
  }

  @Test
  void a_channel_with_many_messages_is_cut_by_count() {
    List<MessageSequenced> batch = List.of(message(1, 1, "a"), message(1, 2, "b"), message(1, 3, "c"));

    assertThat(shape(WriteChunks.of(batch, 2, 4000))).containsExactly(List.of("1:1", "1:2"), List.of("1:3"));
  }

  @Test
  void bodies_over_the_size_are_cut_and_a_large_one_stands_alone() {
    List<MessageSequenced> batch = List.of(message(1, 1, "x".repeat(30)), message(1, 2, "y".repeat(30)),
        message(1, 3, "z".repeat(100)), message(1, 4, "w"));

    assertThat(shape(WriteChunks.of(batch, 16, 64))).containsExactly(List.of("1:1", "1:2"), List.of("1:3"), List.of("1:4"));
  }
}
