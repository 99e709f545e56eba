package org.haqqim.transport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What handling one event wants done with the outbox, in order: the messages to queue,
 * each with the correlation that comes back when Telegram answers for it, and the chats
 * whose messages still waiting in the queue are dropped first (a person who asked to be
 * forgotten). The code that handles an event only returns this; the caller queues it in
 * the transaction of the change, so a reply is sent exactly when that change is
 * committed.
 *
 * @param messages the messages to queue, in the order they are to be sent
 * @param discardQueuedFor chats whose earlier queued messages are dropped before these
 * are queued
 */
public record Replies(List<Reply> messages, Set<Long> discardQueuedFor) {

	private static final Replies NONE = new Replies(List.of(), Set.of());

	public Replies {
		messages = List.copyOf(messages);
		discardQueuedFor = Set.copyOf(discardQueuedFor);
	}

	/** Nothing to send. */
	public static Replies none() {
		return NONE;
	}

	public static Replies of(OutboundMessage message) {
		return of(message, null);
	}

	/** One message whose delivery is reported back with {@code correlation}. */
	public static Replies of(OutboundMessage message, String correlation) {
		return new Replies(List.of(new Reply(message, correlation)), Set.of());
	}

	public static Replies of(List<? extends OutboundMessage> messages) {
		return new Replies(messages.stream().map(message -> new Reply(message, null)).toList(), Set.of());
	}

	public Replies and(OutboundMessage message) {
		return and(message, null);
	}

	public Replies and(OutboundMessage message, String correlation) {
		return and(of(message, correlation));
	}

	/** These replies, then {@code more}. */
	public Replies and(Replies more) {
		if (more.isEmpty()) {
			return this;
		}
		if (isEmpty()) {
			return more;
		}
		List<Reply> all = new ArrayList<>(this.messages);
		all.addAll(more.messages);
		Set<Long> discarded = new LinkedHashSet<>(this.discardQueuedFor);
		discarded.addAll(more.discardQueuedFor);
		return new Replies(all, discarded);
	}

	/** These replies, after dropping whatever was still queued for the chat. */
	public Replies afterDiscardingQueuedFor(long chatId) {
		Set<Long> discarded = new LinkedHashSet<>(this.discardQueuedFor);
		discarded.add(chatId);
		return new Replies(this.messages, discarded);
	}

	public boolean isEmpty() {
		return this.messages.isEmpty() && this.discardQueuedFor.isEmpty();
	}

	@Override
	public String toString() {
		return "Replies[messages=" + this.messages.size() + ", discarded=" + this.discardQueuedFor.size() + "]";
	}

	/**
	 * One message to queue.
	 *
	 * @param correlation what the feature wants back in {@link MessageDelivered} and
	 * {@link MessageUndeliverable}, or null
	 */
	public record Reply(OutboundMessage message, String correlation) {
	}

}
