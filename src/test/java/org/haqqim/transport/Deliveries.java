package org.haqqim.transport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Telegram, as far as a flow can tell without HTTP: the replies a handler returns are
 * delivered at once and in order, each new message gets the next id of its chat (a forum
 * topic the next thread id), and what the delivery listeners return in answer is
 * delivered too. A chat can block the bot, and then its messages are undeliverable.
 */
public final class Deliveries {

	private final List<DeliveryListener> listeners;

	private final List<Sent> sent = new ArrayList<>();

	private final Map<Long, Integer> messageIds = new HashMap<>();

	private final Set<Long> blocked = new HashSet<>();

	private final Set<Long> discarded = new HashSet<>();

	private int threads = 100;

	private long outboxIds;

	public Deliveries(List<DeliveryListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	/** A message as it was delivered. */
	public record Sent(long chatId, OutboundMessage message, Long messageId, String correlation) {

		/**
		 * The text or caption a person or staff read, in Telegram's HTML; empty for other
		 * calls.
		 */
		public String html() {
			if (this.message instanceof OutboundMessage.Text text) {
				return text.html();
			}
			if (this.message instanceof OutboundMessage.Edit edit) {
				return edit.html();
			}
			if (this.message instanceof OutboundMessage.Copy copy && copy.captionHtml() != null) {
				return copy.captionHtml();
			}
			return "";
		}

		/** The data of the buttons under it, row by row, in order. */
		public List<String> buttons() {
			Keyboard keyboard = this.message instanceof OutboundMessage.Text text ? text.keyboard()
					: this.message instanceof OutboundMessage.Edit edit ? edit.keyboard() : null;
			if (!(keyboard instanceof Keyboard.Inline inline)) {
				return List.of();
			}
			return inline.rows().stream().flatMap(List::stream).map(Keyboard.Button::data).toList();
		}

		public String button(String prefix) {
			return buttons().stream()
				.filter(data -> data.startsWith(prefix))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No button starting with " + prefix + " in " + buttons()));
		}

	}

	/**
	 * Delivers the replies, and what follows their delivery; returns all that was
	 * delivered.
	 */
	public List<Sent> deliver(Replies replies) {
		this.discarded.addAll(replies.forgottenChats());
		List<Sent> delivered = new ArrayList<>();
		for (Replies.Reply reply : replies.messages()) {
			OutboundMessage message = reply.message();
			long outboxId = ++this.outboxIds;
			if (this.blocked.contains(message.chatId())) {
				MessageUndeliverable failed = new MessageUndeliverable(outboxId, reply.correlation(), message.chatId(),
						DeliveryResult.FailureKind.BLOCKED, "403 Forbidden: bot was blocked by the user");
				if (reply.correlation() != null) {
					this.listeners.forEach(listener -> delivered.addAll(deliver(listener.undeliverable(failed))));
				}
				continue;
			}
			Sent sent = new Sent(message.chatId(), message, messageId(message), reply.correlation());
			this.sent.add(sent);
			delivered.add(sent);
			if (reply.correlation() != null) {
				MessageDelivered event = new MessageDelivered(outboxId, reply.correlation(), message.chatId(), message,
						sent.messageId());
				this.listeners.forEach(listener -> delivered.addAll(deliver(listener.delivered(event))));
			}
		}
		return delivered;
	}

	public void blockedBy(long chatId) {
		this.blocked.add(chatId);
	}

	/** Everything delivered to one chat, in order. */
	public List<Sent> to(long chatId) {
		return this.sent.stream().filter(sent -> sent.chatId() == chatId).toList();
	}

	public Sent last(long chatId) {
		List<Sent> sentTo = to(chatId);
		if (sentTo.isEmpty()) {
			throw new AssertionError("Nothing was delivered to chat " + chatId);
		}
		return sentTo.get(sentTo.size() - 1);
	}

	/** The chats whose queued messages a reply asked to drop. */
	public Set<Long> discarded() {
		return Set.copyOf(this.discarded);
	}

	private Long messageId(OutboundMessage message) {
		if (message instanceof OutboundMessage.Edit edit) {
			return (long) edit.messageId();
		}
		if (message instanceof OutboundMessage.CreateTopic) {
			return (long) ++this.threads;
		}
		if (!message.isNewMessage()) {
			return null;
		}
		return (long) this.messageIds.merge(message.chatId(), 1, Integer::sum);
	}

}
