package org.haqqim.dates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.Deadline;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.system.Duty;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.Outbox;
import org.haqqim.transport.Replies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the reminders whose time has come, every minute, on the instance on duty: each
 * message is queued in the transaction that marks its reminder sent, so that a crash
 * neither loses nor repeats one. A reminder whose deadline no longer applies (the rules
 * or the person's citizenship changed) is dropped.
 */
@Component
@WhenChatting
class ReminderSender {

	private static final Logger logger = LoggerFactory.getLogger(ReminderSender.class);

	private static final int BATCH = 200;

	private final DateReminders reminders;

	private final PersonSettings settings;

	private final CurrentKnowledge knowledge;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final DatesProperties properties;

	private final Duty duty;

	private final Clock clock;

	ReminderSender(DateReminders reminders, PersonSettings settings, CurrentKnowledge knowledge, Outbox outbox,
			TransactionTemplate transactions, DatesProperties properties, Duty duty, Clock clock) {
		this.reminders = reminders;
		this.settings = settings;
		this.knowledge = knowledge;
		this.outbox = outbox;
		this.transactions = transactions;
		this.properties = properties;
		this.duty = duty;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "PT5S", fixedDelayString = "PT1M")
	public void sendDue() {
		if (!this.duty.isOnDuty()) {
			return;
		}
		try {
			int sent;
			do {
				sent = this.transactions.execute(status -> sendBatch());
			}
			while (sent == BATCH);
		}
		catch (RuntimeException ex) {
			logger.error("Sending reminders failed, trying again in a minute: {}", ex.getClass().getSimpleName());
		}
	}

	private int sendBatch() {
		KnowledgeBase base = this.knowledge.current();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), this.properties.zone());
		List<DateReminders.Reminder> due = this.reminders.due(BATCH);
		for (DateReminders.Reminder reminder : due) {
			Audience audience = this.settings.audienceOf(reminder.chatId());
			Optional<Deadline> deadline = audience.citizenship()
				.flatMap(citizenship -> base.deadlines()
					.applyingTo(citizenship)
					.stream()
					.filter(candidate -> candidate.id().equals(reminder.deadline()))
					.findFirst());
			deadline.ifPresent(found -> this.outbox.enqueue(Replies.of(
					new DateScreens(base, audience).reminder(found, reminder.due(), today).sendTo(reminder.chatId()),
					MyDates.REMINDER)));
			this.reminders.markSent(reminder.id());
		}
		return due.size();
	}

}
