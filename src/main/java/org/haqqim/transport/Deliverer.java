package org.haqqim.transport;

/**
 * Carries one outbound message to its chat: the Telegram Bot API, or the terminal in
 * console mode.
 */
public interface Deliverer {

	/** Delivers the message; never throws, every outcome is a {@link DeliveryResult}. */
	DeliveryResult deliver(OutboundMessage message);

}
