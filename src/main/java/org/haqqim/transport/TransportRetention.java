package org.haqqim.transport;

import org.haqqim.system.Duty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * Erases handled updates and sent messages once they are no longer needed for
 * de-duplication. Their content is already gone; what remains are ids and timestamps.
 * Only the instance on duty erases.
 */
class TransportRetention {

	private static final Logger logger = LoggerFactory.getLogger(TransportRetention.class);

	private final Inbox inbox;

	private final Outbox outbox;

	private final TransportProperties properties;

	private final Duty duty;

	TransportRetention(Inbox inbox, Outbox outbox, TransportProperties properties, Duty duty) {
		this.inbox = inbox;
		this.outbox = outbox;
		this.properties = properties;
		this.duty = duty;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
	void purge() {
		if (!this.duty.isOnDuty()) {
			return;
		}
		int updates = this.inbox.purgeProcessed(this.properties.keepProcessed());
		int messages = this.outbox.purgeFinished(this.properties.keepProcessed());
		if (updates + messages > 0) {
			logger.info("Erased {} handled update(s) and {} sent message(s)", updates, messages);
		}
	}

}
