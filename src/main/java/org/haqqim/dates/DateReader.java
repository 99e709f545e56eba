package org.haqqim.dates;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.haqqim.knowledge.DateWords;

/**
 * A date as people type it: "12.11", "12/11/2026", "2026-11-12", "12 noyabr", "12-ноября
 * 2026", "вчера". Only a message that is a date and nothing else is read as one, so that
 * "12 people were taken" stays a question. Without a year, a date of the past is the last
 * such day up to today, and a date that ends something the next one from today.
 */
final class DateReader {

	private static final Pattern NUMERIC = Pattern.compile("(\\d{1,2})[./-](\\d{1,2})(?:[./-](\\d{2}|\\d{4}))?");

	private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

	private static final Pattern WORDED = Pattern.compile(
			"(\\d{1,2})(?:-?(?:chi|inchi|го|е|th|st|nd|rd))?[ .-]+(\\p{L}+)(?:[ .,]+(\\d{4}))?(?:\\s*(?:y|yil|г|года|год))?");

	private final Collection<DateWords> words;

	/**
	 * @param words the date words of every language: people mix them
	 */
	DateReader(Collection<DateWords> words) {
		this.words = List.copyOf(words);
	}

	/** The date, when the whole message is one. */
	Optional<LocalDate> read(String text, LocalDate today, boolean past) {
		String typed = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s.!?,]+$", "").replaceAll("\\s+", " ");
		Optional<LocalDate> relative = relative(typed, today);
		if (relative.isPresent()) {
			return relative;
		}
		Matcher iso = ISO.matcher(typed);
		if (iso.matches()) {
			return date(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
		}
		Matcher numeric = NUMERIC.matcher(typed);
		if (numeric.matches()) {
			return dated(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)), numeric.group(3),
					today, past);
		}
		Matcher worded = WORDED.matcher(typed);
		if (worded.matches()) {
			return month(worded.group(2))
				.flatMap(month -> dated(Integer.parseInt(worded.group(1)), month, worded.group(3), today, past));
		}
		return Optional.empty();
	}

	private Optional<LocalDate> relative(String typed, LocalDate today) {
		for (DateWords language : this.words) {
			if (language.today().contains(typed)) {
				return Optional.of(today);
			}
			if (language.yesterday().contains(typed)) {
				return Optional.of(today.minusDays(1));
			}
			if (language.dayBeforeYesterday().contains(typed)) {
				return Optional.of(today.minusDays(2));
			}
		}
		return Optional.empty();
	}

	private Optional<Integer> month(String word) {
		for (DateWords language : this.words) {
			for (int i = 0; i < 12; i++) {
				if (language.months().get(i).contains(word)) {
					return Optional.of(i + 1);
				}
			}
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> dated(int day, int month, String year, LocalDate today, boolean past) {
		if (year != null) {
			int full = Integer.parseInt(year);
			return date(year.length() == 2 ? 2000 + full : full, month, day);
		}
		MonthDay monthDay;
		try {
			monthDay = MonthDay.of(month, day);
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
		// 29 February in a year without it is no date: look for the nearest year that has
		// it
		for (int offset = 0; offset <= 4; offset++) {
			int candidate = past ? today.getYear() - offset : today.getYear() + offset;
			if (!monthDay.isValidYear(candidate)) {
				continue;
			}
			LocalDate date = monthDay.atYear(candidate);
			if (past ? !date.isAfter(today) : !date.isBefore(today)) {
				return Optional.of(date);
			}
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> date(int year, int month, int day) {
		try {
			return Optional.of(LocalDate.of(year, month, day));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

}
