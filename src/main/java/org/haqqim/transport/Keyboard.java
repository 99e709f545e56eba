package org.haqqim.transport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Buttons attached to an outbound message. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = Keyboard.Inline.class, name = "inline"),
		@JsonSubTypes.Type(value = Keyboard.Request.class, name = "request"),
		@JsonSubTypes.Type(value = Keyboard.Remove.class, name = "remove") })
public sealed interface Keyboard {

	/** Telegram refuses {@code callback_data} longer than this many UTF-8 bytes. */
	int MAX_CALLBACK_DATA_BYTES = 64;

	/** Buttons under a message; pressing one sends its {@code data} back to the bot. */
	record Inline(List<List<Button>> rows) implements Keyboard {

		public Inline {
			rows = rows.stream().map(List::copyOf).toList();
		}

		public static Inline column(List<Button> buttons) {
			return new Inline(buttons.stream().map(List::of).toList());
		}

		/** The buttons in rows of {@code perRow}, the last row holding what is left. */
		public static Inline grid(List<Button> buttons, int perRow) {
			List<List<Button>> rows = new ArrayList<>();
			for (int i = 0; i < buttons.size(); i += perRow) {
				rows.add(buttons.subList(i, Math.min(i + perRow, buttons.size())));
			}
			return new Inline(rows);
		}

		/** These rows, then {@code more}. */
		public Inline and(List<List<Button>> more) {
			List<List<Button>> all = new ArrayList<>(this.rows);
			all.addAll(more);
			return new Inline(all);
		}

	}

	/**
	 * One inline button: pressing it sends its {@code data} back to the bot, or, for a
	 * link, opens its {@code url}. Checked here, where every keyboard is built, so that
	 * no keyboard the bot can build is ever refused by Telegram.
	 *
	 * @param url the https address a link button opens; null for a button the bot answers
	 */
	record Button(String label, String data, String url) {

		public Button {
			if (label == null || label.isBlank()) {
				throw new IllegalArgumentException("Button label must not be blank");
			}
			if (url != null) {
				if (data != null || !url.startsWith("https://")) {
					throw new IllegalArgumentException(
							"A link button opens an https address and sends no data: " + url);
				}
			}
			else {
				int bytes = data == null ? 0 : data.getBytes(StandardCharsets.UTF_8).length;
				if (bytes < 1 || bytes > MAX_CALLBACK_DATA_BYTES) {
					throw new IllegalArgumentException("Button data must be 1 to " + MAX_CALLBACK_DATA_BYTES
							+ " bytes of UTF-8 but was " + bytes + ": '" + data + "'");
				}
			}
		}

		public Button(String label, String data) {
			this(label, data, null);
		}

		/** A button that opens an address instead of asking the bot. */
		public static Button link(String label, String url) {
			return new Button(label, null, url);
		}

		public boolean isLink() {
			return this.url != null;
		}

	}

	/**
	 * A one-time keyboard below the input field that asks for the person's location or
	 * phone number.
	 */
	record Request(List<RequestButton> buttons) implements Keyboard {

		public Request {
			buttons = List.copyOf(buttons);
		}

	}

	record RequestButton(String label, RequestKind kind) {
	}

	enum RequestKind {

		LOCATION, CONTACT, TEXT

	}

	/** Removes a keyboard shown by {@link Request}. */
	record Remove() implements Keyboard {
	}

}
