package org.haqqim.knowledge;

import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The dates a person may give for My dates: only dates, never a document number or a
 * name. A date of the past (an entry) cannot lie in the future, and a date that ends
 * something (a registration) is read as the next such day when typed without a year.
 */
public enum PersonalDate {

	ENTRY(true), PATENT_ISSUED(true), PATENT_PAID_UNTIL(false), REGISTRATION_UNTIL(false), CONTRACT_END(false);

	private final boolean past;

	PersonalDate(boolean past) {
		this.past = past;
	}

	/** True for a date that has already happened: it cannot lie in the future. */
	public boolean isPast() {
		return this.past;
	}

	/** As the knowledge files and the texts write it: {@code patent-paid-until}. */
	public String id() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<PersonalDate> parse(String id) {
		return Stream.of(values()).filter(date -> date.id().equals(id)).findFirst();
	}

}
