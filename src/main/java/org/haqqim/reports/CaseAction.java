package org.haqqim.reports;

import java.util.Locale;
import java.util.Optional;

/**
 * What a button of a case does, and its compact form as Telegram's {@code callback_data}:
 * {@code rp:} and the action's code, then the case number and the choice, if any. The
 * person's buttons (consent, intake, rating) and the staff's (take, close) share the
 * form. The data comes back from the app and is not trusted: anything that does not
 * decode is an old button, and a decoded action still acts only on a case that belongs to
 * the chat it comes from.
 */
sealed interface CaseAction {

	String PREFIX = "rp:";

	long caseId();

	String encode();

	/** Whether the data is meant for a case at all, so that no other feature reads it. */
	static boolean isCaseButton(String data) {
		return data != null && data.startsWith(PREFIX);
	}

	/** "Yes, send it to staff." */
	record Consent(long caseId) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "y:" + this.caseId;
		}

	}

	/** "No, do not send it." */
	record Decline(long caseId) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "n:" + this.caseId;
		}

	}

	/** Skips the intake question being asked. */
	record Skip(long caseId) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "skip:" + this.caseId;
		}

	}

	/** A city of the knowledge base's contacts, by its id. */
	record City(long caseId, String city) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "city:" + this.caseId + ":" + this.city;
		}

	}

	/** When it happened, as one of four rough answers. */
	record When(long caseId, Happened happened) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "when:" + this.caseId + ":" + this.happened.code();
		}

	}

	/** Whether staff helped, once the case is closed. */
	record Rate(long caseId, boolean helpful) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "r:" + this.caseId + ":" + (this.helpful ? "1" : "0");
		}

	}

	/** A staff member takes the case. */
	record Take(long caseId) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "take:" + this.caseId;
		}

	}

	/** The person wants no more intake questions; the case stays as it is. */
	record Stop(long caseId) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "stop:" + this.caseId;
		}

	}

	/** A staff member asks for the full card of a case named in a digest. */
	record ShowCard(long caseId) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "card:" + this.caseId;
		}

	}

	/** A staff member closes the case. */
	record Close(long caseId) implements CaseAction {

		@Override
		public String encode() {
			return PREFIX + "close:" + this.caseId;
		}

	}

	/**
	 * The answers to "when did it happen?"; each is the text {@code report.when.<code>}.
	 */
	enum Happened {

		NOW, TODAY, YESTERDAY, EARLIER;

		String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Optional<Happened> parse(String code) {
			for (Happened happened : values()) {
				if (happened.code().equals(code)) {
					return Optional.of(happened);
				}
			}
			return Optional.empty();
		}

	}

	static Optional<CaseAction> decode(String data) {
		if (!isCaseButton(data) || data.length() > 64) {
			return Optional.empty();
		}
		String[] parts = data.substring(PREFIX.length()).split(":", -1);
		if (parts.length < 2) {
			return Optional.empty();
		}
		Optional<Long> id = caseNumber(parts[1]);
		if (id.isEmpty()) {
			return Optional.empty();
		}
		long caseId = id.get();
		String choice = parts.length == 3 ? parts[2] : null;
		CaseAction action = switch (parts[0]) {
			case "y" -> parts.length == 2 ? new Consent(caseId) : null;
			case "n" -> parts.length == 2 ? new Decline(caseId) : null;
			case "skip" -> parts.length == 2 ? new Skip(caseId) : null;
			case "stop" -> parts.length == 2 ? new Stop(caseId) : null;
			case "city" -> choice != null && !choice.isEmpty() ? new City(caseId, choice) : null;
			case "when" ->
				choice != null ? Happened.parse(choice).map(when -> new When(caseId, when)).orElse(null) : null;
			case "r" -> "1".equals(choice) || "0".equals(choice) ? new Rate(caseId, "1".equals(choice)) : null;
			case "take" -> parts.length == 2 ? new Take(caseId) : null;
			case "close" -> parts.length == 2 ? new Close(caseId) : null;
			case "card" -> parts.length == 2 ? new ShowCard(caseId) : null;
			default -> null;
		};
		return Optional.ofNullable(action);
	}

	private static Optional<Long> caseNumber(String text) {
		if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(Character::isDigit)) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(text));
	}

}
