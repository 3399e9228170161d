package chat.devstack.engines;

import java.util.List;

/**
 * The collector options of the engines' JVMs: G1 with its heap on transparent huge pages, all of
 * it touched at start.
 *
 * <p>Hosts that watch their guests' memory with the kernel's DAMON monitor (physical addresses,
 * a sample every 500 ms) walk a page's mappings for every region they sample, and on two cores
 * the monitor's thread held one of them for ~100 ms every ~0.6 s while it did, stalling every
 * process with it. Heaps of 4 KB pages, ZGC's above all (on JDK 17 it maps each page three
 * times, in shared memory that cannot use huge pages where {@code shmem_enabled} is
 * {@code never}), gave it most of that work; G1 heaps on 2 MB pages took its CPU from ~0.09 to
 * ~0.02 of a core and the 1:1 p99 at 1,000 msg/s from ~110 to ~35–55 ms (bench/README.md,
 * "huge pages against the host's memory monitor"). Pre-touching takes the huge pages while
 * memory is unfragmented, at start, instead of compacting for them under load. Where the kernel
 * offers no transparent huge pages the JVM warns once and runs on 4 KB pages.
 */
final class HugePageHeap {

  /** G1, heap on transparent huge pages ({@code madvise} suffices), committed and touched at start. */
  static final List<String> G1_OPTIONS = List.of("-XX:+UseG1GC", "-XX:+UseTransparentHugePages", "-XX:+AlwaysPreTouch");

  private HugePageHeap() {
  }
}
