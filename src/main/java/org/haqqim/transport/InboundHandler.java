package org.haqqim.transport;

/**
 * Turns one inbound event into the replies it calls for. It runs inside the transaction
 * that marks the event handled: the state it changes, the replies it returns (queued in
 * the {@link Outbox} by the caller) and that mark are committed together, or not at all.
 */
public interface InboundHandler {

	Replies handle(InboundEvent event);

	/**
	 * Called, in a transaction of its own, when an event failed for good, so that the
	 * person can be told something went wrong. It must not fail itself; if it does, the
	 * failure is only logged.
	 */
	default Replies onFailure(InboundEvent event) {
		return Replies.none();
	}

}
