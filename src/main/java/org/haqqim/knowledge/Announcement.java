package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A rule-change alert a maintainer wrote (knowledge/announcements/ID.yaml), for the
 * people who asked to be told about one of its topics, and only those of its citizenships
 * when it names some.
 *
 * @param citizenships whom it concerns; empty for every citizenship
 * @param texts per language, as written (Markdown-like bold, as the other texts)
 */
public record Announcement(String id, LocalDate date, Set<String> topics, Set<Citizenship> citizenships,
		List<Source> sources, Map<String, String> texts) {

	public Announcement {
		topics = Set.copyOf(topics);
		citizenships = Set.copyOf(citizenships);
		sources = List.copyOf(sources);
		texts = Map.copyOf(texts);
	}

}
