package org.haqqim.knowledge;

import java.util.List;
import java.util.Map;

/**
 * Everything My dates needs from knowledge/deadlines.yaml: the deadlines, the holidays
 * working days skip, and the words typed dates are read by, per language.
 */
public record Deadlines(List<Deadline> all, Holidays holidays, Map<String, DateWords> words) {

	public Deadlines {
		all = List.copyOf(all);
		words = Map.copyOf(words);
	}

	static Deadlines none() {
		return new Deadlines(List.of(), Holidays.none(), Map.of());
	}

	/** The deadlines that apply to a citizen, in the file's order. */
	public List<Deadline> applyingTo(Citizenship citizenship) {
		return this.all.stream().filter(deadline -> deadline.citizenships().contains(citizenship)).toList();
	}

}
