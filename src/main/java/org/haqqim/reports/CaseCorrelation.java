package org.haqqim.reports;

import java.util.Optional;

/**
 * What a message queued for a case is, so that Telegram's answer for it finds the case
 * again: a message in the staff chat (its id is mapped to the case, so that a reply to it
 * reaches the person), a message to the person (staff learn when it cannot be delivered),
 * or the request for the case's forum topic (its thread id is the topic).
 */
sealed interface CaseCorrelation {

	long caseId();

	String encode();

	static CaseCorrelation toStaff(long caseId) {
		return new ToStaff(caseId);
	}

	static CaseCorrelation toPerson(long caseId) {
		return new ToPerson(caseId);
	}

	record ToStaff(long caseId) implements CaseCorrelation {

		@Override
		public String encode() {
			return "case-staff:" + this.caseId;
		}

	}

	record ToPerson(long caseId) implements CaseCorrelation {

		@Override
		public String encode() {
			return "case-person:" + this.caseId;
		}

	}

	record NewTopic(long caseId) implements CaseCorrelation {

		@Override
		public String encode() {
			return "case-topic:" + this.caseId;
		}

	}

	static Optional<CaseCorrelation> decode(String correlation) {
		if (correlation == null) {
			return Optional.empty();
		}
		int colon = correlation.indexOf(':');
		if (colon < 0) {
			return Optional.empty();
		}
		long caseId;
		try {
			caseId = Long.parseLong(correlation.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
		return Optional.ofNullable(switch (correlation.substring(0, colon)) {
			case "case-staff" -> new ToStaff(caseId);
			case "case-person" -> new ToPerson(caseId);
			case "case-topic" -> new NewTopic(caseId);
			default -> null;
		});
	}

}
