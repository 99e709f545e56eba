package org.haqqim.reports;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.haqqim.system.Duty;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to cases with time, every minute by the injected clock: the
 * {@link Reminders} that are due, cases left for the digest announced, and the content of
 * closed cases erased after the retention period. It queues what it sends itself: no
 * update sets it off. Only the instance on duty runs it, so that a reminder is sent once.
 */
@Component
@WhenChatting
class CaseUpkeep {

	private static final Logger logger = LoggerFactory.getLogger(CaseUpkeep.class);

	private final Cases cases;

	private final CaseRelay relay;

	private final Reminders reminders;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final ReportsProperties properties;

	private final Duty duty;

	private final Clock clock;

	CaseUpkeep(Cases cases, CaseRelay relay, Reminders reminders, Outbox outbox, TransactionTemplate transactions,
			ReportsProperties properties, Duty duty, Clock clock) {
		this.cases = cases;
		this.relay = relay;
		this.reminders = reminders;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.duty = duty;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT1M")
	public void run() {
		if (!this.duty.isOnDuty()) {
			return;
		}
		try {
			this.transactions.executeWithoutResult(status -> this.outbox
				.enqueue(this.reminders.due().and(this.relay.digest(this.cases.notAnnounced()))));
			this.transactions.executeWithoutResult(status -> purge());
		}
		catch (RuntimeException ex) {
			logger.error("Case upkeep failed, trying again in a minute: {}", ex.getClass().getSimpleName());
		}
	}

	private void purge() {
		Instant now = this.clock.instant();
		List<Long> expired = this.cases.contentPastRetention(now.minus(this.properties.retention()));
		expired.forEach(this.cases::eraseContent);
		List<Long> drafts = this.cases.draftsCreatedBefore(now.minus(this.properties.draftLifetime()));
		drafts.forEach(this.cases::delete);
		int bans = this.cases.purgeExpiredBans(this.properties.banLasts());
		if (!expired.isEmpty() || !drafts.isEmpty() || bans > 0) {
			logger.info("Erased the content of {} closed case(s) past retention, {} unanswered draft(s) and {} "
					+ "expired ban(s)", expired.size(), drafts.size(), bans);
		}
	}

}
