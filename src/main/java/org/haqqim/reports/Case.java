package org.haqqim.reports;

import java.time.Duration;
import java.time.Instant;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;

/**
 * A case as stored. Personal fields are null once the case has been purged or withdrawn.
 */
record Case(long id, long chatId, CaseStatus status, IntakeStep intakeStep, boolean urgent, String topic,
		String language, Citizenship citizenship, String city, String happened, String phone, Double latitude,
		Double longitude, Long threadId, boolean topicRequested, boolean announced, Long takenBy, Integer rating,
		Instant createdAt, Instant openedAt, Instant firstAnswerAt, Instant lastAckAt, Instant remindedAt,
		int reminders, Instant userNotifiedAt, Instant closedAt) {

	/** The person's side, for rendering what they are told. */
	Audience audience() {
		return Audience.of(this.language, this.citizenship);
	}

	Duration age(Instant now) {
		return Duration.between(this.openedAt != null ? this.openedAt : this.createdAt, now);
	}

	@Override
	public String toString() {
		return "Case[" + this.id + ", " + this.status + "]";
	}

}
