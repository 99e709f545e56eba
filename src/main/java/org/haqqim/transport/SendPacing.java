package org.haqqim.transport;

import java.time.Instant;

/** The chat platform's flood limits, applied before each send. */
public interface SendPacing {

	/** Takes a place for the message if the limits allow it now. */
	boolean tryAcquire(OutboundMessage message, Instant now);

	/** When a place for the message is expected to free up. */
	Instant nextChance(OutboundMessage message, Instant now);

	/**
	 * When a place for any message is expected to free up: while the limit for the whole
	 * bot is reached, no message needs to be looked at.
	 */
	default Instant nextChanceForAny(Instant now) {
		return now;
	}

	static SendPacing unlimited() {
		return new SendPacing() {
			@Override
			public boolean tryAcquire(OutboundMessage message, Instant now) {
				return true;
			}

			@Override
			public Instant nextChance(OutboundMessage message, Instant now) {
				return now;
			}
		};
	}

}
