package chat.sequencer;

import static org.assertj.core.api.Assertions.assertThat;

import chat.schemas.Json;
import chat.schemas.Topics;
import chat.schemas.events.MessageSequenced;
import chat.schemas.events.MessageSubmitted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The topology's logic, driven record by record (Kafka's own test driver, no broker). */
class SequencerTopologyTest {

  @TempDir
  Path stateDir;

  private TopologyTestDriver driver;
  private TestInputTopic<String, String> inbound;
  private TestOutputTopic<String, String> messages;

  @BeforeEach
  void createDriver() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "sequencer-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(SequencerTopology.build(Duration.ofHours(24)), props);
    inbound = driver.createInputTopic(Topics.INBOUND, new StringSerializer(), new StringSerializer());
    messages = driver.createOutputTopic(Topics.MESSAGES, new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  private void submit(long channel, long sender, UUID clientMsgId, String body) {
    submitAt(channel, sender, clientMsgId, body, System.currentTimeMillis());
  }

  /** As a gateway does: the record's timestamp is when the gateway accepted the send. */
  private void submitAt(long channel, long sender, UUID clientMsgId, String body, long acceptedAt) {
    inbound.pipeInput(Long.toString(channel),
        Json.encode(new MessageSubmitted(channel, sender, "d", clientMsgId, body, acceptedAt)), acceptedAt);
  }

  private List<MessageSequenced> output() {
    return messages.readValuesToList().stream().map(v -> {
      try {
        return Json.decode(v, MessageSequenced.class);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  @Test
  void each_channel_gets_its_own_dense_sequence_starting_at_one() {
    submit(1, 7, UUID.randomUUID(), "a1");
    submit(2, 7, UUID.randomUUID(), "b1");
    submit(1, 8, UUID.randomUUID(), "a2");
    submit(1, 7, UUID.randomUUID(), "a3");

    assertThat(output()).extracting(m -> m.channelId() + ":" + m.seq() + ":" + m.body())
        .containsExactly("1:1:a1", "2:1:b1", "1:2:a2", "1:3:a3");
  }

  @Test
  void a_retry_with_the_same_client_msg_id_produces_no_second_message() {
    UUID id = UUID.randomUUID();
    submit(1, 7, id, "once");
    submit(1, 7, id, "once");
    submit(1, 7, UUID.randomUUID(), "next");

    assertThat(output()).extracting(m -> m.seq() + ":" + m.body()).containsExactly("1:once", "2:next");
  }

  @Test
  void sent_at_is_when_the_gateway_accepted_the_message_not_when_it_was_sequenced() throws Exception {
    long acceptedAt = 1_700_000_000_000L;
    submitAt(1, 7, UUID.randomUUID(), "from the past", acceptedAt);

    var record = messages.readRecord();
    assertThat(record.timestamp()).isEqualTo(acceptedAt);
    assertThat(Json.decode(record.value(), MessageSequenced.class).sentAt()).isEqualTo(acceptedAt);
  }

  @Test
  void a_retry_is_recognised_by_when_it_was_accepted_not_by_the_clock_of_the_sequencer() {
    long acceptedAt = 1_700_000_000_000L;
    UUID early = UUID.randomUUID();
    UUID late = UUID.randomUUID();
    submitAt(1, 7, early, "retried within the day", acceptedAt);
    submitAt(1, 7, late, "retried after the day", acceptedAt);
    submitAt(1, 7, early, "retried within the day", acceptedAt + Duration.ofHours(23).toMillis());
    submitAt(1, 7, late, "retried after the day", acceptedAt + Duration.ofHours(25).toMillis());

    assertThat(output()).extracting(m -> m.seq() + ":" + m.body())
        .containsExactly("1:retried within the day", "2:retried after the day", "3:retried after the day");
  }

  @Test
  void the_same_client_msg_id_from_another_sender_is_a_different_message() {
    UUID id = UUID.randomUUID();
    submit(1, 7, id, "from 7");
    submit(1, 8, id, "from 8");

    assertThat(output()).extracting(MessageSequenced::seq).containsExactly(1L, 2L);
  }

  @Test
  void an_undecodable_record_is_skipped_without_consuming_a_seq() {
    inbound.pipeInput("1", "not json");
    submit(1, 7, UUID.randomUUID(), "ok");

    assertThat(output()).extracting(MessageSequenced::seq).containsExactly(1L);
  }

  @Test
  void output_records_are_keyed_by_channel() {
    submit(42, 7, UUID.randomUUID(), "x");

    assertThat(messages.readKeyValue().key).isEqualTo("42");
  }

  @Test
  void the_heads_changelog_holds_each_channels_last_seq() {
    TestOutputTopic<String, Long> heads = driver.createOutputTopic("sequencer-test-" + SequencerProcessor.HEADS + "-changelog",
        new StringDeserializer(), new LongDeserializer());
    submit(1, 7, UUID.randomUUID(), "a1");
    submit(1, 7, UUID.randomUUID(), "a2");
    submit(2, 7, UUID.randomUUID(), "b1");

    assertThat(heads.readKeyValuesToMap()).containsExactlyInAnyOrderEntriesOf(Map.of("1", 2L, "2", 1L));
  }
}
