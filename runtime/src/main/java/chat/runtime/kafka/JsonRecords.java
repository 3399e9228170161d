package chat.runtime.kafka;

import chat.schemas.Json;
import io.vertx.kafka.client.consumer.KafkaConsumerRecord;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes a batch of JSON records; a record that does not decode is logged and skipped, never retried forever. */
public final class JsonRecords {

  private static final Logger log = LoggerFactory.getLogger(JsonRecords.class);

  private JsonRecords() {}

  public static <T> List<T> decodeAll(List<KafkaConsumerRecord<String, String>> batch, Class<T> type) {
    List<T> values = new ArrayList<>(batch.size());
    for (KafkaConsumerRecord<String, String> record : batch) {
      try {
        values.add(Json.decode(record.value(), type));
      } catch (Exception e) {
        log.error("skipping undecodable {} at {}-{}@{}: {}", type.getSimpleName(), record.topic(), record.partition(),
            record.offset(), e.getMessage());
      }
    }
    return values;
  }
}
