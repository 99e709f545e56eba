package org.haqqim.transport;

/**
 * Hears what became of a message queued with a correlation, inside the transaction that
 * records it, so that a feature can record a message id atomically with the mark, and
 * return what must follow (the case card, once its forum topic exists).
 */
public interface DeliveryListener {

	default Replies delivered(MessageDelivered delivered) {
		return Replies.none();
	}

	default Replies undeliverable(MessageUndeliverable failed) {
		return Replies.none();
	}

}
