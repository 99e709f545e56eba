package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.haqqim.knowledge.Knowledge;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.Outbox;
import org.haqqim.transport.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What happens to cases with time, every minute by the injected clock: an urgent case
 * nobody answered is raised again in the staff chat (after 15 minutes by default, then
 * after twice as long each time), a person still waiting is told once that the case is
 * not forgotten, cases left for the digest are announced, and the content of closed cases
 * is erased after the retention period. It queues what it sends itself: nothing else sets
 * it off.
 */
@Component
@WhenChatting
public class CaseUpkeep {

	private static final Logger logger = LoggerFactory.getLogger(CaseUpkeep.class);

	private final Cases cases;

	private final CaseRelay relay;

	private final Knowledge knowledge;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final ReportsProperties properties;

	private final Clock clock;

	CaseUpkeep(Cases cases, CaseRelay relay, Knowledge knowledge, Outbox outbox, TransactionTemplate transactions,
			ReportsProperties properties, Clock clock) {
		this.cases = cases;
		this.relay = relay;
		this.knowledge = knowledge;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT1M")
	public void run() {
		try {
			this.transactions.executeWithoutResult(status -> this.outbox
				.enqueue(remindStaff().and(reassurePeople()).and(this.relay.digest(this.cases.notAnnounced()))));
			this.transactions.executeWithoutResult(status -> purge());
		}
		catch (RuntimeException ex) {
			logger.error("Case upkeep failed, trying again in a minute: {}", ex.getClass().getSimpleName());
		}
	}

	/**
	 * Urgent cases no staff member answered, raised again after 15 minutes, then after
	 * twice as long each time.
	 */
	Replies remindStaff() {
		Instant now = this.clock.instant();
		Replies reminders = Replies.none();
		for (Case open : this.cases.open()) {
			Case.Timeline timeline = open.timeline();
			if (!open.urgent() || timeline.firstAnswerAt() != null || timeline.openedAt() == null) {
				continue;
			}
			Duration waited = Duration.between(timeline.openedAt(), now);
			Duration interval = this.properties.urgentReminderAfter()
				.multipliedBy(1L << Math.min(timeline.reminders(), 10));
			boolean due = timeline.remindedAt() == null ? waited.compareTo(this.properties.urgentReminderAfter()) >= 0
					: Duration.between(timeline.remindedAt(), now).compareTo(interval) >= 0;
			if (due) {
				this.cases.reminded(open.id());
				reminders = reminders
					.and(this.relay.tell(open, "staff.reminder", Map.of("age", this.relay.staffScreens().age(waited))));
			}
		}
		return reminders;
	}

	/**
	 * People still waiting for a first answer, told once that their case is not
	 * forgotten.
	 */
	Replies reassurePeople() {
		Instant now = this.clock.instant();
		Replies notices = Replies.none();
		for (Case open : this.cases.open()) {
			Case.Timeline timeline = open.timeline();
			if (timeline.firstAnswerAt() == null && timeline.userNotifiedAt() == null && timeline.openedAt() != null
					&& Duration.between(timeline.openedAt(), now).compareTo(this.properties.userNoticeAfter()) >= 0) {
				this.cases.userNotified(open.id());
				notices = notices.and(this.relay.toPerson(open,
						new ReportScreens(this.knowledge.current(), open.audience()).stillOpen(open.id())));
			}
		}
		return notices;
	}

	private void purge() {
		Instant now = this.clock.instant();
		List<Long> expired = this.cases.contentPastRetention(now.minus(this.properties.retention()));
		expired.forEach(this.cases::eraseContent);
		List<Long> drafts = this.cases.draftsCreatedBefore(now.minus(this.properties.draftLifetime()));
		drafts.forEach(this.cases::delete);
		if (!expired.isEmpty() || !drafts.isEmpty()) {
			logger.info("Erased the content of {} closed case(s) past retention and {} unanswered draft(s)",
					expired.size(), drafts.size());
		}
	}

}
