package chat.pusher.providers;

/**
 * What a provider answered. {@link Retry}: try again later (429, 5xx, no answer), not before
 * {@code afterMs} when the provider said so (Retry-After), else after the pusher's backoff;
 * {@link Gone}: the subscription is dead, remove it; {@link Refused}: will never work as sent.
 */
public sealed interface Outcome {

  record Sent() implements Outcome {}

  /** @param afterMs the provider's Retry-After in ms, or 0 to use the pusher's backoff */
  record Retry(String reason, long afterMs) implements Outcome {}

  record Gone(String reason) implements Outcome {}

  record Refused(String reason) implements Outcome {}

  Outcome SENT = new Sent();
}
