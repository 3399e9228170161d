package chat.stores.history;

import java.util.List;

/**
 * A backward page of a channel's history: the channel's head when it was read (0 for a channel
 * without messages) and the messages, newest first, as clients read them.
 */
public record HistoryPage(long head, List<MessageJson> messages) {}
