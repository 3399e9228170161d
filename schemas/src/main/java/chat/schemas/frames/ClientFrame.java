package chat.schemas.frames;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A frame a client sends over the WebSocket; {@code type} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SendFrame.class, name = SendFrame.TYPE),
    @JsonSubTypes.Type(value = HistoryFrame.class, name = HistoryFrame.TYPE),
    @JsonSubTypes.Type(value = SyncFrame.class, name = SyncFrame.TYPE),
    @JsonSubTypes.Type(value = ReadFrame.class, name = ReadFrame.TYPE),
    @JsonSubTypes.Type(value = TypingFrame.class, name = TypingFrame.TYPE),
    @JsonSubTypes.Type(value = PingFrame.class, name = PingFrame.TYPE),
    @JsonSubTypes.Type(value = PresenceQueryFrame.class, name = PresenceQueryFrame.TYPE)})
public sealed interface ClientFrame permits SendFrame, HistoryFrame, SyncFrame, ReadFrame, TypingFrame, PingFrame,
    PresenceQueryFrame {}
