package org.haqqim.transport;

/**
 * Handles one inbound event. It runs inside the transaction that marks the event handled,
 * so the state it changes and the messages it queues in the {@link Outbox} are committed
 * together with that mark, or not at all.
 */
public interface InboundHandler {

	void handle(InboundEvent event);

	/**
	 * Called, in a transaction of its own, when an event failed for good, so that the
	 * person can be told something went wrong. It must not fail itself; if it does, the
	 * failure is only logged.
	 */
	default void onFailure(InboundEvent event) {
	}

}
