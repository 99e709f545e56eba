package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Russia's public holidays per year, as maintainers list them with the decree that moves
 * days off. A year that is not listed is not covered: working days cannot be counted in
 * it.
 */
public record Holidays(Map<Integer, Set<LocalDate>> byYear) {

	public Holidays {
		byYear = Map.copyOf(byYear);
	}

	public static Holidays none() {
		return new Holidays(Map.of());
	}

	public boolean covers(int year) {
		return this.byYear.containsKey(year);
	}

	public boolean isHoliday(LocalDate day) {
		return this.byYear.getOrDefault(day.getYear(), Set.of()).contains(day);
	}

}
