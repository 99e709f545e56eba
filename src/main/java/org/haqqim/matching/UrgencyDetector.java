package org.haqqim.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haqqim.knowledge.Lexicon;

/**
 * Tells whether a message describes something happening now that needs help at once. Recall comes
 * first, but a general or hypothetical question ("how long can police hold someone?", "if I get
 * injured, who pays?") is not an emergency, even when it says "my". The rule and the words are the
 * maintainers' ({@code knowledge/matching/urgency.yaml}):
 * <ul>
 * <li>a signal phrase makes a message urgent unless it reads as a general question, and a "now"
 * word makes it urgent even then;</li>
 * <li>without a signal, a message about an urgent topic that speaks of the writer or someone close is
 * urgent unless it reads as a general question.</li>
 * </ul>
 */
final class UrgencyDetector {

	/** A signal from another language counts only when its words are this long: short ones collide by accident. */
	private static final int FOREIGN_SIGNAL_MIN_LENGTH = 5;

	private final Map<String, List<List<String>>> signals;

	private final Map<String, List<List<String>>> strongSignals;

	private final Set<String> personal;

	private final Set<String> general;

	private final Set<String> now;

	private final Map<String, List<String>> generalEndings = new HashMap<>();

	UrgencyDetector(Lexicon lists) {
		this.signals = foldPhrases(lists.urgentSignals());
		this.strongSignals = foldPhrases(lists.strongSignals());
		this.personal = foldAll(lists.personalMarkers());
		this.general = foldAll(lists.generalMarkers());
		this.now = foldAll(lists.nowMarkers());
		lists.generalEndings().forEach((language, endings) -> this.generalEndings.put(language,
				endings.stream().map(TextFolding::fold).filter(ending -> !ending.isEmpty()).toList()));
	}

	/**
	 * @param words the message's folded words
	 * @param language the language the message is written in
	 * @param aboutUrgentTopic whether the message matched a topic whose situations are emergencies
	 */
	boolean isUrgent(List<String> words, String language, boolean aboutUrgentTopic) {
		String written = "uz-Cyrl".equals(language) ? "uz" : language;
		if (hasSignal(words, written, this.strongSignals)) {
			return true;
		}
		boolean hypothetical = containsPhrase(words, this.general) || hasEnding(words, written);
		if (hasSignal(words, written, this.signals)) {
			return !hypothetical || containsPhrase(words, this.now);
		}
		return aboutUrgentTopic && !hypothetical && startsAny(words, this.personal);
	}

	private static boolean hasSignal(List<String> words, String language, Map<String, List<List<String>>> signals) {
		for (Map.Entry<String, List<List<String>>> byLanguage : signals.entrySet()) {
			boolean own = byLanguage.getKey().equals(language);
			for (List<String> phrase : byLanguage.getValue()) {
				if (!own && phrase.stream().anyMatch(word -> word.length() < FOREIGN_SIGNAL_MIN_LENGTH)) {
					continue;
				}
				if (phrase.stream().allMatch(prefix -> words.stream().anyMatch(word -> word.startsWith(prefix)))) {
					return true;
				}
			}
		}
		return false;
	}

	/** Conditional endings of the message's own language, on words long enough to have one. */
	private boolean hasEnding(List<String> words, String language) {
		List<String> endings = this.generalEndings.getOrDefault(language, List.of());
		for (String word : words) {
			for (String ending : endings) {
				if (word.length() >= ending.length() + 2 && word.endsWith(ending)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Markers may be several words ("имеют право", "right now"); they must then appear in that order. */
	private static boolean containsPhrase(List<String> words, Set<String> markers) {
		String text = " " + String.join(" ", words) + " ";
		for (String marker : markers) {
			if (text.contains(" " + marker + " ")) {
				return true;
			}
		}
		return false;
	}

	/** Personal words also in their inflected forms ("додарама" for "додарам"), when long enough to be safe. */
	private static boolean startsAny(List<String> words, Set<String> markers) {
		if (containsPhrase(words, markers)) {
			return true;
		}
		for (String word : words) {
			for (String marker : markers) {
				if (marker.length() >= 5 && marker.indexOf(' ') < 0 && word.startsWith(marker)) {
					return true;
				}
			}
		}
		return false;
	}

	private static Map<String, List<List<String>>> foldPhrases(Map<String, List<String>> byLanguage) {
		Map<String, List<List<String>>> folded = new HashMap<>();
		byLanguage.forEach((language, phrases) -> {
			List<List<String>> words = new ArrayList<>();
			phrases.forEach(phrase -> {
				List<String> split = TextFolding.words(phrase);
				if (!split.isEmpty()) {
					words.add(split);
				}
			});
			folded.put(language, words);
		});
		return folded;
	}

	private static Set<String> foldAll(Map<String, List<String>> byLanguage) {
		Set<String> folded = new HashSet<>();
		byLanguage.values().forEach(words -> words.forEach(word -> folded.add(String.join(" ", TextFolding.words(word)))));
		folded.remove("");
		return folded;
	}

}
