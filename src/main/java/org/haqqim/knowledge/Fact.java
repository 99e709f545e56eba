package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A value that differs by citizenship or changes with the law, kept out of the prose so
 * that one edit changes every language. A value that is only true until a date (a price
 * for one year) says so, and after that date the bot shows what the maintainers wrote for
 * that case ("check the current price") instead of a stale number.
 *
 * @param values per citizenship, per language: the text to insert
 * @param validUntil the last day the values are true, or null when they do not expire
 * @param whenExpired per language: what to insert after {@code validUntil}
 */
record Fact(String name, String description, List<Source> sources, Map<Citizenship, Map<String, String>> values,
		LocalDate validUntil, Map<String, String> whenExpired) {

	public Fact {
		sources = List.copyOf(sources);
		values = Map.copyOf(values);
		whenExpired = Map.copyOf(whenExpired);
	}

	/** The value as written, whatever the date: what the validator checks. */
	public Optional<String> value(Citizenship citizenship, String language) {
		Map<String, String> byLanguage = this.values.get(citizenship);
		return byLanguage == null ? Optional.empty() : Optional.ofNullable(byLanguage.get(language));
	}

	/** The value to show on {@code today}. */
	public Optional<String> value(Citizenship citizenship, String language, LocalDate today) {
		return isExpiredOn(today) ? Optional.ofNullable(this.whenExpired.get(language)) : value(citizenship, language);
	}

	public boolean isExpiredOn(LocalDate today) {
		return this.validUntil != null && today.isAfter(this.validUntil);
	}

}
