package org.haqqim.console;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.haqqim.text.Html;
import org.haqqim.transport.Deliverer;
import org.haqqim.transport.DeliveryResult;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.MediaKind;
import org.haqqim.transport.OutboundMessage;

/**
 * Shows what the bot sends: messages to the person as plain text, messages to the staff
 * chat with a {@code [staff #id]} prefix, buttons as numbered choices. It remembers the
 * last buttons in each chat, so that typing a number can press one, and numbers messages
 * as Telegram does, per chat.
 */
class ConsoleTerminal implements Deliverer {

	/** The console person's chat (and user) id. */
	static final long USER_CHAT_ID = 10_001;

	/** The console staff group's id. */
	static final long STAFF_CHAT_ID = -10_000;

	/** The console staff member's user id. */
	static final long STAFF_USER_ID = 20_001;

	private final Map<Long, AtomicInteger> messageIds = new HashMap<>();

	private final Map<Long, ShownKeyboard> lastKeyboards = new HashMap<>();

	private final Map<String, MediaKind> mediaByMessage = new HashMap<>();

	private final AtomicInteger topics = new AtomicInteger(100);

	private PrintStream out = System.out;

	synchronized void attach(PrintStream output) {
		this.out = output;
	}

	synchronized int nextMessageId(long chatId) {
		return this.messageIds.computeIfAbsent(chatId, id -> new AtomicInteger()).incrementAndGet();
	}

	synchronized Optional<ShownKeyboard> lastKeyboard(long chatId) {
		return Optional.ofNullable(this.lastKeyboards.get(chatId));
	}

	synchronized void rememberMedia(long chatId, int messageId, MediaKind kind) {
		this.mediaByMessage.put(chatId + ":" + messageId, kind);
	}

	@Override
	public synchronized DeliveryResult deliver(OutboundMessage message) {
		if (message instanceof OutboundMessage.Text text) {
			int id = nextMessageId(text.chatId());
			show(text.chatId(), id, Html.toPlainText(text.html()), text.keyboard());
			return new DeliveryResult.Delivered((long) id);
		}
		if (message instanceof OutboundMessage.Edit edit) {
			show(edit.chatId(), edit.messageId(), "(updated) " + Html.toPlainText(edit.html()), edit.keyboard());
			return new DeliveryResult.Delivered((long) edit.messageId());
		}
		if (message instanceof OutboundMessage.CallbackAnswer answer) {
			if (answer.notice() != null) {
				line(answer.chatId(), "(" + answer.notice() + ")");
			}
			return new DeliveryResult.Delivered(null);
		}
		if (message instanceof OutboundMessage.Copy copy) {
			int id = nextMessageId(copy.chatId());
			MediaKind kind = this.mediaByMessage.get(copy.fromChatId() + ":" + copy.messageId());
			String what = kind == null ? "[copied message]" : "[" + kind.name().toLowerCase() + "]";
			String caption = copy.captionHtml() == null ? "" : " " + Html.toPlainText(copy.captionHtml());
			show(copy.chatId(), id, what + caption, null);
			if (kind != null) {
				rememberMedia(copy.chatId(), id, kind);
			}
			return new DeliveryResult.Delivered((long) id);
		}
		if (message instanceof OutboundMessage.Media media) {
			int id = nextMessageId(media.chatId());
			String caption = media.captionHtml() == null ? "" : " " + Html.toPlainText(media.captionHtml());
			show(media.chatId(), id, "[" + media.kind().name().toLowerCase() + "]" + caption, null);
			rememberMedia(media.chatId(), id, media.kind());
			return new DeliveryResult.Delivered((long) id);
		}
		if (message instanceof OutboundMessage.Picture picture) {
			int id = nextMessageId(picture.chatId());
			String caption = picture.captionHtml() == null ? "" : " " + Html.toPlainText(picture.captionHtml());
			show(picture.chatId(), id, "[chart, " + picture.png().length / 1024 + " KB]" + caption, null);
			return new DeliveryResult.Delivered((long) id);
		}
		if (message instanceof OutboundMessage.CreateTopic topic) {
			int threadId = this.topics.incrementAndGet();
			line(topic.chatId(), "(new topic #" + threadId + ": " + topic.name() + ")");
			return new DeliveryResult.Delivered((long) threadId);
		}
		// Commands, leaving a chat and deleting a message have nothing to show in a
		// terminal.
		return new DeliveryResult.Delivered(null);
	}

	private void show(long chatId, int messageId, String text, Keyboard keyboard) {
		String prefix = prefix(chatId, messageId);
		for (String textLine : text.split("\n", -1)) {
			this.out.println(prefix + textLine);
		}
		if (keyboard instanceof Keyboard.Inline inline) {
			List<Keyboard.Button> buttons = inline.rows()
				.stream()
				.flatMap(List::stream)
				.filter(button -> !button.isLink())
				.toList();
			StringBuilder choices = new StringBuilder(prefix);
			for (int i = 0; i < buttons.size(); i++) {
				choices.append(i == 0 ? "" : "  ")
					.append('[')
					.append(i + 1)
					.append("] ")
					.append(buttons.get(i).label());
			}
			this.out.println(choices);
			this.lastKeyboards.put(chatId, new ShownKeyboard(messageId, buttons));
		}
		else if (keyboard instanceof Keyboard.Request request) {
			for (Keyboard.RequestButton button : request.buttons()) {
				String how = switch (button.kind()) {
					case LOCATION -> "type @location LATITUDE LONGITUDE";
					case CONTACT -> "type @contact PHONE";
					case TEXT -> "type it";
				};
				this.out.println(prefix + "{" + button.label() + ": " + how + "}");
			}
		}
		this.out.flush();
	}

	private void line(long chatId, String text) {
		this.out.println(prefix(chatId, 0) + text);
		this.out.flush();
	}

	private static String prefix(long chatId, int messageId) {
		if (chatId == STAFF_CHAT_ID) {
			return messageId > 0 ? "[staff #" + messageId + "] " : "[staff] ";
		}
		return chatId == USER_CHAT_ID ? "" : "[chat " + chatId + "] ";
	}

	/** The buttons last shown in a chat, under the message with the given id. */
	record ShownKeyboard(int messageId, List<Keyboard.Button> buttons) {
	}

}
