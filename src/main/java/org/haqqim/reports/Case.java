package org.haqqim.reports;

import java.time.Duration;
import java.time.Instant;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;

/**
 * A case as stored. Personal fields are null once the case has been purged or withdrawn,
 * and {@code chatId} is then 0.
 *
 * @param intakeStep the question being asked while the case is in its intake, else null
 * @param topic the knowledge base's topic the case is about, or null
 * @param rating the person's rating once the case is closed (1 helpful, 0 not), or null
 */
record Case(long id, long chatId, CaseStatus status, IntakeStep intakeStep, boolean urgent, String topic,
		String language, Citizenship citizenship, Intake intake, StaffSide staffSide, Integer rating,
		Timeline timeline) {

	/** The person's side, for rendering what they are told. */
	/**
	 * Whether the person is being asked the intake's questions: before the case opens, or
	 * after, since a case reaches staff as soon as there is something to send.
	 */
	boolean asking() {
		return this.status == CaseStatus.INTAKE || this.status.isOpen() && this.intakeStep != null;
	}

	Audience audience() {
		return Audience.of(this.language, this.citizenship);
	}

	/**
	 * How long the case has been open, or since it was started when it is not open yet.
	 */
	Duration age(Instant now) {
		Instant from = this.timeline.openedAt() != null ? this.timeline.openedAt() : this.timeline.createdAt();
		return Duration.between(from, now);
	}

	/** The forum topic of the case as Telegram numbers it, or null. */
	Integer thread() {
		return this.staffSide.threadId() == null ? null : this.staffSide.threadId().intValue();
	}

	@Override
	public String toString() {
		return "Case[" + this.id + ", " + this.status + "]";
	}

	/**
	 * What the person told in the intake, or shared later; each is null when not given.
	 *
	 * @param happened when it happened, as the person typed it or as the staff-language
	 * name of the button they pressed
	 */
	record Intake(String city, String happened, String phone, Location location) {

		@Override
		public String toString() {
			return "Intake[…]";
		}

	}

	record Location(double latitude, double longitude) {

		@Override
		public String toString() {
			return "Location[…]";
		}

	}

	/**
	 * The case in the staff chat.
	 *
	 * @param threadId its forum topic, once created
	 * @param topicRequested whether the forum topic was asked for, so that only one is
	 * @param cardShown whether staff were shown its card, not only its number in a digest
	 * @param takenBy the staff member who took it, or null
	 * @param desk the id of the desk that has it
	 */
	record StaffSide(Long threadId, boolean topicRequested, boolean cardShown, Long takenBy, String desk) {
	}

	/**
	 * When things happened to the case; each is null until it has.
	 *
	 * @param lastAckAt when the person was last told that a message was added to the case
	 * @param remindedAt when staff were last reminded of an urgent case
	 * @param reminders how many reminders staff have had
	 * @param userNotifiedAt when the person waiting was told the case is not forgotten
	 */
	record Timeline(Instant createdAt, Instant openedAt, Instant firstAnswerAt, Instant lastAckAt, Instant remindedAt,
			int reminders, Instant userNotifiedAt, Instant closedAt) {
	}

}
