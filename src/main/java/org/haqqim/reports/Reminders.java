package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.system.WhenChatting;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Replies;

import org.springframework.stereotype.Component;

/**
 * What a case that waits for staff calls for, by the injected clock: an urgent case
 * nobody answered is raised again in the staff chat (after 15 minutes by default, then
 * after twice as long each time), and a person still waiting is told once that the case
 * is not forgotten.
 */
@Component
@WhenChatting
class Reminders {

	private final Cases cases;

	private final CaseRelay relay;

	private final CurrentKnowledge knowledge;

	private final ReportsProperties properties;

	private final Clock clock;

	Reminders(Cases cases, CaseRelay relay, CurrentKnowledge knowledge, ReportsProperties properties, Clock clock) {
		this.cases = cases;
		this.relay = relay;
		this.knowledge = knowledge;
		this.properties = properties;
		this.clock = clock;
	}

	/** Every reminder that is due now. */
	Replies due() {
		return remindStaff().and(escalate()).and(reassurePeople());
	}

	/**
	 * Urgent cases still without a staff answer after their reminders, raised once to the
	 * escalation chat: the number and the age only, never the person's words.
	 */
	private Replies escalate() {
		Optional<Long> chat = this.properties.escalationChatId();
		if (chat.isEmpty()) {
			return Replies.none();
		}
		Instant now = this.clock.instant();
		Replies raised = Replies.none();
		for (Case open : this.cases.open()) {
			Case.Timeline timeline = open.timeline();
			if (!open.urgent() || timeline.firstAnswerAt() != null || timeline.openedAt() == null
					|| timeline.reminders() < this.properties.escalateAfterReminders()
					|| !this.cases.escalated(open.id())) {
				continue;
			}
			StaffScreens screens = this.relay.staffScreens();
			String html = screens.about(open, "staff.escalation",
					Map.of("age", screens.age(Duration.between(timeline.openedAt(), now)), "reminders",
							Integer.toString(timeline.reminders())));
			raised = raised.and(Replies.of(new OutboundMessage.Text(chat.get(), html, null, null, null, true)));
		}
		return raised;
	}

	/**
	 * Urgent cases no staff member answered, raised again after 15 minutes, then after
	 * twice as long each time.
	 */
	private Replies remindStaff() {
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
	private Replies reassurePeople() {
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

}
