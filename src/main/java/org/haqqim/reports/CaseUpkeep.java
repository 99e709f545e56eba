package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.haqqim.knowledge.Knowledge;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Outbox;
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
 * is erased after the retention period.
 */
@Component
@WhenChatting
public class CaseUpkeep {

	private static final Logger logger = LoggerFactory.getLogger(CaseUpkeep.class);

	private final Cases cases;

	private final StaffRelay staff;

	private final Knowledge knowledge;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final ReportsProperties properties;

	private final Clock clock;

	CaseUpkeep(Cases cases, StaffRelay staff, Knowledge knowledge, Outbox outbox, TransactionTemplate transactions,
			ReportsProperties properties, Clock clock) {
		this.cases = cases;
		this.staff = staff;
		this.knowledge = knowledge;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT30S", fixedDelayString = "PT1M")
	public void run() {
		try {
			this.transactions.executeWithoutResult(status -> {
				remindStaff();
				reassurePeople();
				this.staff.sendDigest(this.cases.notAnnounced());
			});
			this.transactions.executeWithoutResult(status -> purge());
		}
		catch (RuntimeException ex) {
			logger.error("Case upkeep failed, trying again in a minute: {}", ex.getClass().getSimpleName());
		}
	}

	private void remindStaff() {
		Instant now = this.clock.instant();
		for (Case open : this.cases.open()) {
			if (!open.urgent() || open.firstAnswerAt() != null || open.openedAt() == null) {
				continue;
			}
			Duration waited = Duration.between(open.openedAt(), now);
			Duration interval = this.properties.urgentReminderAfter()
				.multipliedBy(1L << Math.min(open.reminders(), 10));
			boolean due = open.remindedAt() == null ? waited.compareTo(this.properties.urgentReminderAfter()) >= 0
					: Duration.between(open.remindedAt(), now).compareTo(interval) >= 0;
			if (due) {
				this.cases.reminded(open.id());
				this.staff.tell(open, "staff.reminder", Map.of("age", this.staff.age(waited)));
			}
		}
	}

	private void reassurePeople() {
		Instant now = this.clock.instant();
		for (Case open : this.cases.open()) {
			if (open.firstAnswerAt() == null && open.userNotifiedAt() == null && open.openedAt() != null
					&& Duration.between(open.openedAt(), now).compareTo(this.properties.userNoticeAfter()) >= 0) {
				this.cases.userNotified(open.id());
				this.outbox.enqueue(
						OutboundMessage.Text.of(open.chatId(), this.knowledge.current()
							.text("report.still-open", open.audience(), Map.of("case", Long.toString(open.id())))),
						StaffRelay.TO_PERSON + open.id());
			}
		}
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
