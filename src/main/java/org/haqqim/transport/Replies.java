package org.haqqim.transport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What handling one event wants done with the outbox, in order: the messages to queue,
 * each with the correlation that comes back when Telegram answers for it, and the chats
 * of people who asked to be forgotten: what is still queued for them is dropped first,
 * and the transport erases what it kept of their earlier updates and messages. The code
 * that handles an event only returns this; the caller queues it in the transaction of the
 * change, so a reply is sent exactly when that change is committed.
 *
 * @param messages the messages to queue, in the order they are to be sent
 * @param forgottenChats chats whose earlier queued messages are dropped before these are
 * queued, and whose traces in the transport are erased
 */
public record Replies(List<Reply> messages, Set<Long> forgottenChats) {

	private static final Replies NONE = new Replies(List.of(), Set.of());

	public Replies {
		messages = List.copyOf(messages);
		forgottenChats = Set.copyOf(forgottenChats);
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
		return new Replies(List.of(new Reply(message, correlation, false)), Set.of());
	}

	/**
	 * One message of many sent at once (an announcement): it waits behind every other
	 * waiting message, so that people's own replies always go first.
	 */
	public static Replies bulk(OutboundMessage message, String correlation) {
		return new Replies(List.of(new Reply(message, correlation, true)), Set.of());
	}

	public static Replies of(List<? extends OutboundMessage> messages) {
		return new Replies(messages.stream().map(message -> new Reply(message, null, false)).toList(), Set.of());
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
		Set<Long> discarded = new LinkedHashSet<>(this.forgottenChats);
		discarded.addAll(more.forgottenChats);
		return new Replies(all, discarded);
	}

	/**
	 * These replies, after dropping whatever was still queued for the chat and erasing
	 * what the transport kept of it.
	 */
	public Replies afterForgetting(long chatId) {
		Set<Long> discarded = new LinkedHashSet<>(this.forgottenChats);
		discarded.add(chatId);
		return new Replies(this.messages, discarded);
	}

	public boolean isEmpty() {
		return this.messages.isEmpty() && this.forgottenChats.isEmpty();
	}

	@Override
	public String toString() {
		return "Replies[messages=" + this.messages.size() + ", forgotten=" + this.forgottenChats.size() + "]";
	}

	/**
	 * One message to queue.
	 *
	 * @param correlation what the feature wants back in {@link MessageDelivered} and
	 * {@link MessageUndeliverable}, or null
	 * @param bulk whether it waits behind every message that is not
	 */
	public record Reply(OutboundMessage message, String correlation, boolean bulk) {
	}

}
