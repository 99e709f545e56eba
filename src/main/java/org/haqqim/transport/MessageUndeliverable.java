package org.haqqim.transport;

/**
 * Published in the transaction that gives up on a queued message, so that a feature can
 * tell someone.
 */
public record MessageUndeliverable(long outboxId, String correlation, long chatId, DeliveryResult.FailureKind kind,
		String reason) {
}
