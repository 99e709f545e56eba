package org.haqqim.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The word lists that matching uses, owned by maintainers: synonym groups, the phrases that mark a
 * situation as urgent, the words that mark a general question, a personal one or one about now, the
 * conditional endings, words too common to decide a match, and the greetings and thanks that are not
 * questions at all.
 */
public record Lexicon(List<List<String>> synonymGroups, Map<String, List<String>> urgentSignals,
		Map<String, List<String>> strongSignals, Map<String, List<String>> personalMarkers, Map<String, List<String>> generalMarkers,
		Map<String, List<String>> nowMarkers, Map<String, List<String>> generalEndings,
		Map<String, List<String>> commonWords, Map<String, List<String>> greetings, Map<String, List<String>> thanks) {

	public Lexicon {
		synonymGroups = synonymGroups.stream().map(List::copyOf).toList();
		urgentSignals = Map.copyOf(urgentSignals);
		strongSignals = Map.copyOf(strongSignals);
		personalMarkers = Map.copyOf(personalMarkers);
		generalMarkers = Map.copyOf(generalMarkers);
		nowMarkers = Map.copyOf(nowMarkers);
		generalEndings = Map.copyOf(generalEndings);
		commonWords = Map.copyOf(commonWords);
		greetings = Map.copyOf(greetings);
		thanks = Map.copyOf(thanks);
	}

	public static Lexicon empty() {
		return new Lexicon(List.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
				Map.of());
	}

}
