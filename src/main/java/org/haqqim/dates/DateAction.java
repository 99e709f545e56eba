package org.haqqim.dates;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.haqqim.knowledge.PersonalDate;

/**
 * What a button of My dates does, and its compact form as Telegram's
 * {@code callback_data}, under the prefix {@value #PREFIX}. The data comes back from the
 * person's app and is not trusted: what does not decode is ignored.
 */
sealed interface DateAction {

	String PREFIX = "dt:";

	DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM");

	String encode();

	/** My dates: the consent question, or the person's dates and what is due. */
	record Open() implements DateAction {

		@Override
		public String encode() {
			return PREFIX + "o";
		}

	}

	/** The answer to "keep your dates?". */
	record Consent(boolean keep) implements DateAction {

		@Override
		public String encode() {
			return PREFIX + (this.keep ? "y" : "n");
		}

	}

	/** Asks for one of the person's dates. */
	record Ask(PersonalDate date) implements DateAction {

		@Override
		public String encode() {
			return PREFIX + "a:" + this.date.id();
		}

	}

	/** Another month of the calendar. */
	record ShowMonth(PersonalDate date, YearMonth month) implements DateAction {

		@Override
		public String encode() {
			return PREFIX + "m:" + this.date.id() + ":" + MONTH.format(this.month);
		}

	}

	/** A day picked in the calendar. */
	record Pick(PersonalDate date, LocalDate day) implements DateAction {

		@Override
		public String encode() {
			return PREFIX + "p:" + this.date.id() + ":" + DAY.format(this.day);
		}

	}

	/** Reminders on or off. */
	record Remind(boolean on) implements DateAction {

		@Override
		public String encode() {
			return PREFIX + "r:" + (this.on ? "1" : "0");
		}

	}

	/** "Done" under a reminder: no more reminders about that deadline. */
	record Done(String deadline) implements DateAction {

		@Override
		public String encode() {
			return PREFIX + "d:" + this.deadline;
		}

	}

	/** "Tomorrow" under a reminder. */
	record Tomorrow(String deadline) implements DateAction {

		@Override
		public String encode() {
			return PREFIX + "t:" + this.deadline;
		}

	}

	/** A calendar cell that does nothing: a weekday's name, a day that cannot be. */
	record Nothing() implements DateAction {

		@Override
		public String encode() {
			return PREFIX + "-";
		}

	}

	static boolean isDateButton(String data) {
		return data != null && data.startsWith(PREFIX);
	}

	static Optional<DateAction> decode(String data) {
		if (!isDateButton(data) || data.length() > 64) {
			return Optional.empty();
		}
		String[] parts = data.substring(PREFIX.length()).split(":", -1);
		try {
			return Optional.ofNullable(switch (parts[0]) {
				case "o" -> parts.length == 1 ? new Open() : null;
				case "y", "n" -> parts.length == 1 ? new Consent(parts[0].equals("y")) : null;
				case "a" -> parts.length == 2 ? PersonalDate.parse(parts[1]).map(Ask::new).orElse(null) : null;
				case "m" -> parts.length == 3 ? PersonalDate.parse(parts[1])
					.map(date -> new ShowMonth(date, YearMonth.parse(parts[2], MONTH)))
					.orElse(null) : null;
				case "p" -> parts.length == 3 ? PersonalDate.parse(parts[1])
					.map(date -> new Pick(date, LocalDate.parse(parts[2], DAY)))
					.orElse(null) : null;
				case "r" -> parts.length == 2 && (parts[1].equals("1") || parts[1].equals("0"))
						? new Remind(parts[1].equals("1")) : null;
				case "d" -> parts.length == 2 ? new Done(parts[1]) : null;
				case "t" -> parts.length == 2 ? new Tomorrow(parts[1]) : null;
				case "-" -> parts.length == 1 ? new Nothing() : null;
				default -> null;
			});
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
