package chat.devstack.pushsandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Scripted answers per target, and what was accepted and refused: the state each sandbox endpoint shares with tests. */
final class Scripts {

  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  final List<Received> received = new CopyOnWriteArrayList<>();
  final List<String> rejected = new CopyOnWriteArrayList<>();
  final List<Attempt> attempts = new CopyOnWriteArrayList<>();

  /** A request for a target, whatever was answered. */
  record Attempt(String target, long atMs) {}

  synchronized void script(String target, Answer... next) {
    Deque<Answer> queue = answers.computeIfAbsent(target, t -> new ArrayDeque<>());
    queue.addAll(List.of(next));
  }

  synchronized Optional<Answer> next(String target) {
    Deque<Answer> queue = answers.get(target);
    return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.poll());
  }
}
