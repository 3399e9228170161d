package chat.schemas.frames;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** A frame the server sends over the WebSocket; {@code type} says which. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = AcceptedFrame.class, name = "accepted"),
    @JsonSubTypes.Type(value = MessageFrame.class, name = "message"),
    @JsonSubTypes.Type(value = ErrorFrame.class, name = "error"),
    @JsonSubTypes.Type(value = HistoryPageFrame.class, name = "history_page"),
    @JsonSubTypes.Type(value = SyncedFrame.class, name = "synced"),
    @JsonSubTypes.Type(value = ReceiptFrame.class, name = "receipt"),
    @JsonSubTypes.Type(value = UserTypingFrame.class, name = "user_typing"),
    @JsonSubTypes.Type(value = WelcomeFrame.class, name = "welcome"),
    @JsonSubTypes.Type(value = PongFrame.class, name = "pong"),
    @JsonSubTypes.Type(value = PresenceFrame.class, name = "presence"),
    @JsonSubTypes.Type(value = PresenceListFrame.class, name = "presence_list")})
public sealed interface ServerFrame permits AcceptedFrame, MessageFrame, ErrorFrame, HistoryPageFrame, SyncedFrame,
    ReceiptFrame, UserTypingFrame, WelcomeFrame, PongFrame, PresenceFrame, PresenceListFrame {}
