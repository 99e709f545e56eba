package org.haqqim.transport;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something the bot wants done in a chat. Texts are in Telegram's HTML subset, with every
 * piece of user-provided text already escaped by {@link Html#escape(String)}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = OutboundMessage.Text.class, name = "text"),
		@JsonSubTypes.Type(value = OutboundMessage.Edit.class, name = "edit"),
		@JsonSubTypes.Type(value = OutboundMessage.CallbackAnswer.class, name = "callback-answer"),
		@JsonSubTypes.Type(value = OutboundMessage.Copy.class, name = "copy"),
		@JsonSubTypes.Type(value = OutboundMessage.Media.class, name = "media"),
		@JsonSubTypes.Type(value = OutboundMessage.Picture.class, name = "picture"),
		@JsonSubTypes.Type(value = OutboundMessage.CreateTopic.class, name = "create-topic"),
		@JsonSubTypes.Type(value = OutboundMessage.Commands.class, name = "commands"),
		@JsonSubTypes.Type(value = OutboundMessage.Leave.class, name = "leave"),
		@JsonSubTypes.Type(value = OutboundMessage.Delete.class, name = "delete") })
public sealed interface OutboundMessage {

	/**
	 * The chat the message goes to; messages to one chat are sent in the order they were
	 * queued.
	 */
	long chatId();

	/**
	 * Whether Telegram counts this as a new message in the chat, for its per-chat limits.
	 */
	default boolean isNewMessage() {
		return false;
	}

	/**
	 * A text message. {@code threadId} puts it in a forum topic, {@code replyTo} makes it
	 * a reply, and {@code protect} stops official clients from forwarding or saving it.
	 */
	record Text(long chatId, String html, Keyboard keyboard, Integer threadId, Integer replyTo,
			boolean protect) implements OutboundMessage {

		public static Text of(long chatId, String html) {
			return new Text(chatId, html, null, null, null, false);
		}

		public static Text of(long chatId, String html, Keyboard keyboard) {
			return new Text(chatId, html, keyboard, null, null, false);
		}

		public Text withHtml(String newHtml, Keyboard newKeyboard) {
			return new Text(this.chatId, newHtml, newKeyboard, this.threadId, this.replyTo, this.protect);
		}

		@Override
		public boolean isNewMessage() {
			return true;
		}

		@Override
		public String toString() {
			return "Text[length=" + this.html.length() + "]";
		}

	}

	/** Replaces the text and inline buttons of a message the bot sent earlier. */
	record Edit(long chatId, int messageId, String html, Keyboard.Inline keyboard) implements OutboundMessage {

		@Override
		public String toString() {
			return "Edit[message=" + this.messageId + "]";
		}

	}

	/**
	 * Stops the progress indicator on a pressed button, optionally with a short notice.
	 */
	record CallbackAnswer(long chatId, String callbackId, String notice) implements OutboundMessage {
	}

	/**
	 * Copies a message without the "forwarded from" header, so that its sender stays
	 * hidden.
	 */
	record Copy(long chatId, Integer threadId, long fromChatId, int messageId, String captionHtml, Integer replyTo,
			boolean protect) implements OutboundMessage {

		@Override
		public boolean isNewMessage() {
			return true;
		}

	}

	/** Sends media that Telegram already has, by its file id. */
	record Media(long chatId, Integer threadId, MediaKind kind, String fileId, String captionHtml,
			boolean protect) implements OutboundMessage {

		@Override
		public boolean isNewMessage() {
			return true;
		}

	}

	/**
	 * A picture the bot drew (a chart for staff), uploaded with the message: the only
	 * outbound message that carries a file of its own.
	 *
	 * @param png the image, a PNG of at most a few hundred kilobytes
	 */
	record Picture(long chatId, Integer threadId, byte[] png, String captionHtml,
			Integer replyTo) implements OutboundMessage {

		@Override
		public boolean isNewMessage() {
			return true;
		}

		@Override
		public String toString() {
			return "Picture[chatId=" + this.chatId + ", " + this.png.length + " bytes]";
		}

	}

	/**
	 * Creates a forum topic; the delivered result carries its thread id. Telegram posts a
	 * message in the group for it ("topic created"), so it counts against the group's
	 * limit.
	 */
	record CreateTopic(long chatId, String name) implements OutboundMessage {

		@Override
		public boolean isNewMessage() {
			return true;
		}

	}

	/**
	 * Sets the command menu for one language ({@code languageCode} null: the default for
	 * all others).
	 */
	record Commands(String languageCode, List<Command> commands) implements OutboundMessage {

		public Commands {
			commands = List.copyOf(commands);
		}

		@Override
		public long chatId() {
			return 0;
		}

	}

	record Command(String name, String description) {
	}

	/** Leaves a chat the bot was added to without being wanted there. */
	record Leave(long chatId) implements OutboundMessage {
	}

	/**
	 * Deletes a message the bot sent (best effort: Telegram allows it only for a limited
	 * time).
	 */
	record Delete(long chatId, int messageId) implements OutboundMessage {
	}

}
