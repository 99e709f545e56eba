package org.haqqim.dates;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.Deadline;
import org.haqqim.knowledge.Deadlines;
import org.haqqim.knowledge.PersonalDate;

/**
 * What is due for a citizen, counted from the dates they gave: soonest first, and the
 * deadlines that cannot be counted (a rule not checked) after them.
 */
record Timeline(List<Due> dues) {

	/**
	 * One deadline for this person.
	 *
	 * @param day the last day to act, or empty when the consulate must be asked
	 */
	record Due(Deadline deadline, Optional<LocalDate> day) {
	}

	static Timeline of(Map<PersonalDate, LocalDate> dates, Citizenship citizenship, Deadlines deadlines) {
		List<Due> dues = new ArrayList<>();
		for (Deadline deadline : deadlines.applyingTo(citizenship)) {
			LocalDate from = dates.get(deadline.countsFrom());
			if (from != null) {
				dues.add(new Due(deadline, deadline.due(from, deadlines.holidays())));
			}
		}
		dues.sort(Comparator.comparing((Due due) -> due.day().orElse(LocalDate.MAX)));
		return new Timeline(List.copyOf(dues));
	}

	/** The dates worth asking a citizen for: those their deadlines count from. */
	static Set<PersonalDate> datesFor(Citizenship citizenship, Deadlines deadlines) {
		Set<PersonalDate> dates = new LinkedHashSet<>();
		for (PersonalDate date : PersonalDate.values()) {
			if (deadlines.applyingTo(citizenship).stream().anyMatch(deadline -> deadline.countsFrom() == date)) {
				dates.add(date);
			}
		}
		return dates;
	}

}
