package org.haqqim.knowledge;

import java.util.List;
import java.util.Set;

/**
 * How people of one language type dates (knowledge/deadlines.yaml): the spellings of each
 * month, January first, and the words for today, yesterday and the day before, all folded
 * to lower case.
 */
public record DateWords(List<Set<String>> months, Set<String> today, Set<String> yesterday,
		Set<String> dayBeforeYesterday) {

	public DateWords {
		months = months.stream().<Set<String>>map(Set::copyOf).toList();
		today = Set.copyOf(today);
		yesterday = Set.copyOf(yesterday);
		dayBeforeYesterday = Set.copyOf(dayBeforeYesterday);
	}

}
