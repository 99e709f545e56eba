package org.haqqim.knowledge;

import java.util.List;
import java.util.Map;

/**
 * The word lists that matching uses, owned by maintainers: synonym groups, the words that
 * tell an urgent situation, the situations told in ordinary words, the words that name a
 * citizenship, words too common to decide a match, the greetings and thanks that are not
 * questions at all, and the ways people type "skip" to a question of the bot.
 */
public record Lexicon(List<List<String>> synonymGroups, UrgencyWords urgency, List<Situation> situations,
		Map<Citizenship, Map<String, List<String>>> citizenshipWords, Map<String, List<String>> commonWords,
		Map<String, List<String>> greetings, Map<String, List<String>> thanks, Map<String, List<String>> skip) {

	public Lexicon {
		synonymGroups = synonymGroups.stream().map(List::copyOf).toList();
		situations = List.copyOf(situations);
		citizenshipWords = Map.copyOf(citizenshipWords);
		commonWords = Map.copyOf(commonWords);
		greetings = Map.copyOf(greetings);
		thanks = Map.copyOf(thanks);
		skip = Map.copyOf(skip);
	}

	public static Lexicon empty() {
		return new Lexicon(List.of(), UrgencyWords.empty(), List.of(), Map.of(), Map.of(), Map.of(), Map.of(),
				Map.of());
	}

	/**
	 * One situation of {@code matching/situations.yaml}: something that happens to
	 * people, told in the words they use, and what the bot makes of it.
	 *
	 * @param name what the maintainers call it, for messages about the file
	 * @param topics the topics it is about, the first that applies to the person's
	 * citizenship answering (work documents are the patent for one, the EAEU rules for
	 * another); empty when no topic is (a question that only sounds like ours: an
	 * invention patent, the weather) and when it is for staff
	 * @param forStaff whether only a person can help (a death, a body to send home, a
	 * relative missing with no sign of the police): the bot says it has no answer and
	 * offers staff, without guessing a topic
	 * @param urgent whether it is an emergency when it is happening
	 * @param phrases by language, phrases of word beginnings, all of which must appear
	 */
	public record Situation(String name, List<String> topics, boolean forStaff, boolean urgent,
			Map<String, List<String>> phrases) {

		public Situation {
			topics = List.copyOf(topics);
			phrases = Map.copyOf(phrases);
		}

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
	 * @param longAgo words saying it happened long ago ("in 2019", "last month")
	 */
	public record UrgencyWords(Map<String, List<String>> signals, Map<String, List<String>> strongSignals,
			Map<String, List<String>> personal, Map<String, List<String>> general, Map<String, List<String>> now,
			Map<String, List<String>> generalEndings, Map<String, List<String>> ifWords,
			Map<String, List<String>> pastEndings, Map<String, List<String>> over, Map<String, List<String>> longAgo) {

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
			longAgo = Map.copyOf(longAgo);
		}

		public static UrgencyWords empty() {
			return new UrgencyWords(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
					Map.of(), Map.of());
		}

	}

}
