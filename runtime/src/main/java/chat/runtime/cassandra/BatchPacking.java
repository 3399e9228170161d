package chat.runtime.cassandra;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * How many writes are cut into few unlogged batches: only writes of the same {@code group} (the
 * same replicas) share a batch, so its coordinator applies them all locally; a batch covers at
 * most {@code maxPartitions} partitions and about {@code maxBytes}, under the server's warning
 * thresholds for batches. Writes keep their order within a group; a single write larger than
 * {@code maxBytes} is a batch of its own. Pure.
 */
public final class BatchPacking {

  private BatchPacking() {}

  public static <T> List<List<T>> pack(List<T> writes, Function<T, ?> group, Function<T, ?> partition, ToIntFunction<T> bytes,
      int maxPartitions, int maxBytes) {
    if (maxPartitions < 1 || maxBytes < 1) {
      throw new IllegalArgumentException("maxPartitions and maxBytes: at least 1");
    }
    Map<Object, Open<T>> open = new LinkedHashMap<>();
    List<List<T>> batches = new ArrayList<>();
    for (T write : writes) {
      Object replicas = group.apply(write);
      Open<T> batch = open.get(replicas);
      Object key = partition.apply(write);
      int size = bytes.applyAsInt(write);
      boolean newPartition = batch == null || !batch.partitions.contains(key);
      if (batch == null || !batch.writes.isEmpty() && (batch.bytes + size > maxBytes
          || newPartition && batch.partitions.size() >= maxPartitions)) {
        batch = new Open<>();
        open.put(replicas, batch);
        batches.add(batch.writes);
      }
      batch.writes.add(write);
      batch.partitions.add(key);
      batch.bytes += size;
    }
    return batches;
  }

  private static final class Open<T> {
    final List<T> writes = new ArrayList<>();
    final Set<Object> partitions = new HashSet<>();
    int bytes;
  }
}
