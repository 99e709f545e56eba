package org.haqqim.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The word lists that matching uses, owned by maintainers: synonym groups, the words that
 * tell an urgent situation, words too common to decide a match, and the greetings and
 * thanks that are not questions at all.
 */
public record Lexicon(List<List<String>> synonymGroups, UrgencyWords urgency, Map<String, List<String>> commonWords,
		Map<String, List<String>> greetings, Map<String, List<String>> thanks) {

	public Lexicon {
		synonymGroups = synonymGroups.stream().map(List::copyOf).toList();
		commonWords = Map.copyOf(commonWords);
		greetings = Map.copyOf(greetings);
		thanks = Map.copyOf(thanks);
	}

	public static Lexicon empty() {
		return new Lexicon(List.of(), UrgencyWords.empty(), Map.of(), Map.of(), Map.of());
	}

	/**
	 * The lists of {@code matching/urgency.yaml}, by language: what they mean is
	 * explained in that file.
	 *
	 * @param signals phrases that describe an emergency
	 * @param strongSignals phrases that describe an emergency however the message is put
	 * @param personal words showing it happens to the writer or someone close
	 * @param general words showing a general or hypothetical question
	 * @param now words showing it happens now or has just happened
	 * @param generalEndings conditional endings, on a signal word or the word after it
	 * @param ifWords words opening a condition, a few words before a signal
	 * @param pastEndings endings showing a signal has happened
	 * @param over words showing the event is long over
	 */
	public record UrgencyWords(Map<String, List<String>> signals, Map<String, List<String>> strongSignals,
			Map<String, List<String>> personal, Map<String, List<String>> general, Map<String, List<String>> now,
			Map<String, List<String>> generalEndings, Map<String, List<String>> ifWords,
			Map<String, List<String>> pastEndings, Map<String, List<String>> over) {

		public UrgencyWords {
			signals = Map.copyOf(signals);
			strongSignals = Map.copyOf(strongSignals);
			personal = Map.copyOf(personal);
			general = Map.copyOf(general);
			now = Map.copyOf(now);
			generalEndings = Map.copyOf(generalEndings);
			ifWords = Map.copyOf(ifWords);
			pastEndings = Map.copyOf(pastEndings);
			over = Map.copyOf(over);
		}

		public static UrgencyWords empty() {
			return new UrgencyWords(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
					Map.of());
		}

	}

}
