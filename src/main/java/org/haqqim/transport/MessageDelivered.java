package org.haqqim.transport;

/**
 * Published in the transaction that marks a queued message sent, so that a feature can
 * record the message id (to route replies to it, say) atomically with the mark.
 *
 * @param correlation what the feature attached when it queued the message, or null
 * @param messageId the id of the new message in its chat, or the thread id of a new forum
 * topic
 */
public record MessageDelivered(long outboxId, String correlation, long chatId, OutboundMessage message,
		Long messageId) {
}
