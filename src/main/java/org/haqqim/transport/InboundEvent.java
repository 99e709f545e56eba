package org.haqqim.transport;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Something a person or Telegram sent the bot, mapped to our own types at the edge.
 * Implementations hide their content in {@code toString()} so that an event can never be
 * logged by accident.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = InboundEvent.Text.class, name = "text"),
		@JsonSubTypes.Type(value = InboundEvent.Media.class, name = "media"),
		@JsonSubTypes.Type(value = InboundEvent.Location.class, name = "location"),
		@JsonSubTypes.Type(value = InboundEvent.Contact.class, name = "contact"),
		@JsonSubTypes.Type(value = InboundEvent.ButtonPress.class, name = "button"),
		@JsonSubTypes.Type(value = InboundEvent.Membership.class, name = "membership"),
		@JsonSubTypes.Type(value = InboundEvent.ChatMigrated.class, name = "migrated"),
		@JsonSubTypes.Type(value = InboundEvent.Unsupported.class, name = "unsupported") })
public sealed interface InboundEvent {

	Origin origin();

	/** A text message (or an edit of one). */
	record Text(Origin origin, String text) implements InboundEvent {

		public Text {
			text = storable(text);
		}

		@Override
		public String toString() {
			return "Text[update=" + this.origin.updateId() + ", length=" + this.text.length() + "]";
		}

	}

	/**
	 * A photo, voice note, document and the like, by file id, with its caption if any.
	 */
	record Media(Origin origin, MediaKind kind, String fileId, String caption) implements InboundEvent {

		public Media {
			caption = storable(caption);
		}

		@Override
		public String toString() {
			return "Media[update=" + this.origin.updateId() + ", kind=" + this.kind + "]";
		}

	}

	/** A location the person chose to share. */
	record Location(Origin origin, double latitude, double longitude) implements InboundEvent {

		@Override
		public String toString() {
			return "Location[update=" + this.origin.updateId() + "]";
		}

	}

	/**
	 * A phone number shared with the contact button; {@code own} when it is the sender's
	 * own.
	 */
	record Contact(Origin origin, String phoneNumber, boolean own) implements InboundEvent {

		public Contact {
			phoneNumber = storable(phoneNumber);
		}

		@Override
		public String toString() {
			return "Contact[update=" + this.origin.updateId() + ", own=" + this.own + "]";
		}

	}

	/**
	 * A press of an inline button. {@code data} is client-controlled and must be treated
	 * as untrusted.
	 */
	record ButtonPress(Origin origin, String callbackId, String data) implements InboundEvent {

		public ButtonPress {
			data = storable(data);
		}

		@Override
		public String toString() {
			return "ButtonPress[update=" + this.origin.updateId() + "]";
		}

	}

	/** The bot was added to or removed from a chat. */
	record Membership(Origin origin, boolean botIsMember) implements InboundEvent {
	}

	/** A group became a supergroup and now has a new id. */
	record ChatMigrated(Origin origin, long newChatId) implements InboundEvent {
	}

	/**
	 * Anything else: kept so that its update is confirmed and answered politely where
	 * there is a chat.
	 */
	record Unsupported(Origin origin, String kind) implements InboundEvent {
	}

	/**
	 * What a person typed, without the NUL character (PostgreSQL refuses to store it, and
	 * a refused row would cost an urgent report its emergency answer) and with a lone
	 * half of a surrogate pair, which no database stores as it is, shown as the
	 * replacement character instead of a silent "?".
	 */
	private static String storable(String text) {
		if (text == null || text.chars().noneMatch(c -> c == 0 || Character.isSurrogate((char) c))) {
			return text;
		}
		StringBuilder kept = new StringBuilder(text.length());
		// A lone half of a surrogate pair comes out of codePoints() as itself.
		text.codePoints()
			.filter(codePoint -> codePoint != 0)
			.map(codePoint -> codePoint <= Character.MAX_VALUE && Character.isSurrogate((char) codePoint) ? 0xFFFD
					: codePoint)
			.forEach(kept::appendCodePoint);
		return kept.toString();
	}

}
