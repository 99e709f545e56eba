package org.haqqim.transport;

/**
 * Handles one inbound event. It runs inside the transaction that marks the event handled, so the state
 * it changes and the messages it queues in the {@link Outbox} are committed together with that mark,
 * or not at all.
 */
public interface InboundHandler {

	void handle(InboundEvent event);

}
