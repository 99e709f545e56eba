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
 * first: a message is urgent when it contains an urgent signal (every word of the phrase starts a
 * word of the message, in any order) and either speaks of the writer or someone close, or does not
 * read as a general question. The phrases are the maintainers' ({@code knowledge/matching/urgency.yaml}).
 */
final class UrgencyDetector {

	/** A signal from another language counts only when its words are this long: short ones collide by accident. */
	private static final int FOREIGN_SIGNAL_MIN_LENGTH = 5;

	private final Map<String, List<List<String>>> signals = new HashMap<>();

	private final Map<String, Set<String>> personal = new HashMap<>();

	private final Map<String, Set<String>> general = new HashMap<>();

	UrgencyDetector(Lexicon lists) {
		lists.urgentSignals().forEach((language, phrases) -> {
			List<List<String>> folded = new ArrayList<>();
			phrases.forEach(phrase -> {
				List<String> words = TextFolding.words(phrase);
				if (!words.isEmpty()) {
					folded.add(words);
				}
			});
			this.signals.put(language, folded);
		});
		lists.personalMarkers().forEach((language, words) -> this.personal.put(language, foldAll(words)));
		lists.generalMarkers().forEach((language, words) -> this.general.put(language, foldAll(words)));
	}

	boolean isUrgent(List<String> words, String language) {
		if (!hasSignal(words, language)) {
			return false;
		}
		return containsAny(words, this.personal) || !containsPhrase(words, this.general);
	}

	private boolean hasSignal(List<String> words, String language) {
		String written = "uz-Cyrl".equals(language) ? "uz" : language;
		for (Map.Entry<String, List<List<String>>> byLanguage : this.signals.entrySet()) {
			boolean own = byLanguage.getKey().equals(written);
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

	private static boolean containsAny(List<String> words, Map<String, Set<String>> markers) {
		for (Set<String> set : markers.values()) {
			for (String word : words) {
				if (set.contains(word)) {
					return true;
				}
			}
		}
		return false;
	}

	/** Markers may be several words ("имеют право", "how long"); they must then appear in that order. */
	private static boolean containsPhrase(List<String> words, Map<String, Set<String>> markers) {
		String text = " " + String.join(" ", words) + " ";
		for (Set<String> set : markers.values()) {
			for (String marker : set) {
				if (text.contains(" " + marker + " ")) {
					return true;
				}
			}
		}
		return false;
	}

	private static Set<String> foldAll(List<String> words) {
		Set<String> folded = new HashSet<>();
		words.forEach(word -> folded.add(String.join(" ", TextFolding.words(word))));
		folded.remove("");
		return folded;
	}

}
