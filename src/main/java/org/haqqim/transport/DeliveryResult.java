package org.haqqim.transport;

import java.time.Duration;

/** What became of one attempt to deliver an outbound message. */
public sealed interface DeliveryResult {

	/**
	 * Delivered; {@code messageId} is the id the chat gave the new message (or the new
	 * topic's thread id).
	 */
	record Delivered(Long messageId) implements DeliveryResult {
	}

	/** The chat platform asked us to wait before the next message to this chat. */
	record RetryAfter(Duration delay) implements DeliveryResult {
	}

	/** A failure that may pass: network trouble, a timeout, a server error. */
	record TransientFailure(String reason) implements DeliveryResult {
	}

	/** A failure that will not pass by retrying. */
	record PermanentFailure(FailureKind kind, String reason) implements DeliveryResult {
	}

	/**
	 * The group became a supergroup with a new id; messages wait until an operator
	 * updates the configuration.
	 */
	record ChatMoved(long newChatId) implements DeliveryResult {
	}

	enum FailureKind {

		/** The person blocked the bot or deleted their account. */
		BLOCKED,

		/** The message was refused for good (bad request, chat not found, no rights). */
		REJECTED

	}

}
