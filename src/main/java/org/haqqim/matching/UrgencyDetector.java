package org.haqqim.matching;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.haqqim.knowledge.Lexicon;

/**
 * Tells whether a message describes something happening now that needs help at once.
 * Recall comes first, but a general or hypothetical question ("how long can police hold
 * someone?", "if I get injured, who pays?") is not an emergency, even when it says "my".
 * The rule and the words are the maintainers' ({@code knowledge/matching/urgency.yaml}):
 * <ul>
 * <li>a strong signal (violence, threats, being locked in) makes a message urgent however
 * it is put;</li>
 * <li>a signal phrase makes a message urgent unless it reads as a general question (a
 * general word, or a conditional on the signal itself: "ushlasa", if they detain, "если
 * задержат"), and a "now" word (now, today, this morning) makes it urgent even then;</li>
 * <li>so does a signal told as having happened ("забрали", "olib ketishdi") to the writer
 * or someone close: "they took my brother, how long can they hold him?" asks a general
 * question about a real event. An event said to be long over (the ban already given) is
 * not urgent;</li>
 * <li>nothing but a strong signal is urgent in a message that says when it happened, long
 * ago ("in 2019", "last month"), and does not say it is happening now;</li>
 * <li>without a signal, a message about an urgent topic that speaks of the writer or
 * someone close is urgent unless it reads as a general question.</li>
 * </ul>
 */
final class UrgencyDetector {

	/** How many words before a signal a word opening a condition reaches. */
	private static final int IF_REACH = 3;

	private final PhraseIndex<String> signals;

	private final PhraseIndex<String> strongSignals;

	private final Markers personal;

	private final Markers general;

	private final Markers now;

	private final Markers over;

	private final Markers longAgo;

	/** Words that open a condition ("если", "agar", "if"), folded. */
	private final Set<String> ifWords;

	private final Map<String, List<String>> generalEndings;

	private final Map<String, List<String>> pastEndings;

	UrgencyDetector(Lexicon.UrgencyWords lists) {
		this.signals = PhraseIndex.written(lists.signals());
		this.strongSignals = PhraseIndex.written(lists.strongSignals());
		this.personal = new Markers(foldAll(lists.personal()));
		this.ifWords = foldAll(lists.ifWords());
		Set<String> general = foldAll(lists.general());
		general.addAll(this.ifWords);
		this.general = new Markers(general);
		this.now = new Markers(foldAll(lists.now()));
		this.over = new Markers(foldAll(lists.over()));
		this.longAgo = new Markers(foldAll(lists.longAgo()));
		this.generalEndings = foldEndings(lists.generalEndings());
		this.pastEndings = foldEndings(lists.pastEndings());
	}

	/** Whether the message says it is happening now, today or just now. */
	boolean saysNow(List<String> words) {
		return this.now.foundIn(words);
	}

	/**
	 * @param words the message's folded words
	 * @param language the language of the word lists that apply: the message's, or for a
	 * generated language the one it is written from
	 * @param situationWords the words where urgent situations of {@code situations.yaml}
	 * were found: an emergency told in ordinary words is judged like one told with a
	 * signal
	 * @param aboutUrgentTopic whether the message matched a topic whose situations are
	 * emergencies
	 */
	boolean isUrgent(List<String> words, String language, BitSet situationWords, boolean aboutUrgentTopic) {
		String written = language;
		if (!this.strongSignals.wordsFound(words, written).isEmpty()) {
			return true;
		}
		boolean general = this.general.foundIn(words);
		boolean now = this.now.foundIn(words);
		if (this.longAgo.foundIn(words) && !now) {
			return false;
		}
		BitSet signalled = this.signals.wordsFound(words, written);
		signalled.or(situationWords);
		if (!signalled.isEmpty()) {
			boolean supposed = conditionalAt(words, written, signalled) || ifBefore(words, signalled);
			return !(general || supposed) || now || (!supposed && happenedAt(words, written, signalled)
					&& this.personal.startAny(words) && !this.over.startAny(words));
		}
		return aboutUrgentTopic && !general && !hasConditional(words, written) && this.personal.startAny(words);
	}

	/**
	 * Conditional endings of the message's own language, on words long enough to have
	 * one.
	 */
	private boolean hasConditional(List<String> words, String language) {
		for (String word : words) {
			if (endsWithAny(word, language, this.generalEndings)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a signal word, or the word right after one, says it has happened:
	 * "забрали", "olib ketishdi".
	 */
	private boolean happenedAt(List<String> words, String language, BitSet signalled) {
		return atSignalOrNext(words, signalled, word -> endsWithAny(word, language, this.pastEndings));
	}

	/**
	 * Whether a word opening a condition stands up to {@value #IF_REACH} words before a
	 * signal word: "если задержат", "agar meni ushlashsa", "if I get arrested". After the
	 * signal it is another clause ("his friend collapsed, will the ambulance come if he
	 * has no polis?").
	 */
	private boolean ifBefore(List<String> words, BitSet signalled) {
		for (int i = signalled.nextSetBit(0); i >= 0; i = signalled.nextSetBit(i + 1)) {
			for (int before = Math.max(0, i - IF_REACH); before < i; before++) {
				if (this.ifWords.contains(words.get(before))) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Whether a signal word, or the word right after one, is a conditional: "ushlasa" (if
	 * they detain), "jarohat olsam" (if I get injured). A conditional elsewhere usually
	 * asks what to do about what happened ("qayerga borsam bo'ladi", where should I go)
	 * and does not make the event a supposition.
	 */
	private boolean conditionalAt(List<String> words, String language, BitSet signalled) {
		return atSignalOrNext(words, signalled, word -> endsWithAny(word, language, this.generalEndings));
	}

	private static boolean atSignalOrNext(List<String> words, BitSet signalled, Predicate<String> test) {
		for (int i = signalled.nextSetBit(0); i >= 0; i = signalled.nextSetBit(i + 1)) {
			if (test.test(words.get(i)) || (i + 1 < words.size() && test.test(words.get(i + 1)))) {
				return true;
			}
		}
		return false;
	}

	private static boolean endsWithAny(String word, String language, Map<String, List<String>> endings) {
		for (String ending : endings.getOrDefault(language, List.of())) {
			if (word.length() >= ending.length() + 2 && word.endsWith(ending)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Marker words and phrases of one kind. Phrases ("имеют право", "right now") must
	 * appear with their words in that order; single words are looked up, so a message
	 * costs one lookup per word.
	 */
	private static final class Markers {

		/**
		 * Inflected forms of personal words ("додарама" for "додарам") count when the
		 * word is this long.
		 */
		private static final int INFLECTABLE_LENGTH = 5;

		private final Set<String> words = new HashSet<>();

		private final List<String> phrases = new ArrayList<>();

		private final List<String> inflectable = new ArrayList<>();

		Markers(Set<String> markers) {
			for (String marker : markers) {
				if (marker.indexOf(' ') >= 0) {
					this.phrases.add(" " + marker + " ");
				}
				else {
					this.words.add(marker);
					if (marker.length() >= INFLECTABLE_LENGTH) {
						this.inflectable.add(marker);
					}
				}
			}
		}

		boolean foundIn(List<String> message) {
			for (String word : message) {
				if (this.words.contains(word)) {
					return true;
				}
			}
			if (this.phrases.isEmpty()) {
				return false;
			}
			String text = " " + String.join(" ", message) + " ";
			for (String phrase : this.phrases) {
				if (text.contains(phrase)) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Like {@link #foundIn}, and also when a message's word starts with a long enough
		 * marker word.
		 */
		boolean startAny(List<String> message) {
			if (foundIn(message)) {
				return true;
			}
			for (String word : message) {
				for (String marker : this.inflectable) {
					if (word.startsWith(marker)) {
						return true;
					}
				}
			}
			return false;
		}

	}

	private static Map<String, List<String>> foldEndings(Map<String, List<String>> byLanguage) {
		Map<String, List<String>> folded = new HashMap<>();
		byLanguage.forEach((language, endings) -> folded.put(language,
				endings.stream().map(TextFolding::fold).filter(ending -> !ending.isEmpty()).toList()));
		return folded;
	}

	private static Set<String> foldAll(Map<String, List<String>> byLanguage) {
		Set<String> folded = new HashSet<>();
		byLanguage.forEach((language, words) -> words.forEach(word -> PhraseIndex.spellings(language, word)
			.forEach(spelling -> folded.add(String.join(" ", TextFolding.words(spelling))))));
		folded.remove("");
		return folded;
	}

}
