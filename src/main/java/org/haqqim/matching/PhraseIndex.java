package org.haqqim.matching;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haqqim.knowledge.UzbekScript;

/**
 * Phrases of word beginnings, each found in a message when every one of its words starts
 * a word of the message, in any order ("забрал паспорт" finds "паспорт забрали"). Each
 * phrase carries what it stands for. Phrases are filed by the first two letters of their
 * first word, so a message is compared with the few phrases that can match.
 *
 * @param <T> what a phrase stands for
 */
final class PhraseIndex<T> {

	/**
	 * A phrase from another language counts only when its words are this long: short ones
	 * collide by accident.
	 */
	private static final int FOREIGN_PHRASE_MIN_LENGTH = 5;

	private final Map<String, List<Phrase<T>>> byPrefix = new HashMap<>();

	/** Phrases by language as maintainers write them, each standing for its language. */
	static PhraseIndex<String> written(Map<String, List<String>> phrases) {
		PhraseIndex<String> index = new PhraseIndex<>();
		phrases.forEach((language, list) -> index.addWritten(language, list, language));
		return index;
	}

	private void add(String language, List<String> words, T meaning) {
		int shortest = words.stream().mapToInt(String::length).min().orElse(0);
		words.stream()
			.filter(word -> word.length() >= 2)
			.findFirst()
			.ifPresent(anchor -> this.byPrefix.computeIfAbsent(anchor.substring(0, 2), key -> new ArrayList<>())
				.add(new Phrase<>(language, List.copyOf(words), anchor, shortest, meaning)));
	}

	/**
	 * Adds phrases as a maintainer wrote them, folded, in every spelling people type.
	 */
	void addWritten(String language, List<String> phrases, T meaning) {
		for (String phrase : phrases) {
			for (String spelling : spellings(language, phrase)) {
				List<String> words = TextFolding.words(spelling);
				if (!words.isEmpty()) {
					add(language, words, meaning);
				}
			}
		}
	}

	/**
	 * A phrase as written and, for Uzbek, as typed on a Russian keyboard: there is no ў
	 * on it, so people write у ("тухтатди", "куйди" for "тўхтатди", "қўйди"), and some do
	 * in Latin too ("tuxtatdi").
	 */
	static List<String> spellings(String language, String phrase) {
		if (!"uz".equals(language)) {
			return List.of(phrase);
		}
		String typed = phrase.replaceAll("[oO][" + UzbekScript.APOSTROPHES + "]", "u").replace('ў', 'у');
		return typed.equals(phrase) ? List.of(phrase) : List.of(phrase, typed);
	}

	/** A phrase found: what it stands for, and the positions of the words it found. */
	record Hit<T>(T meaning, BitSet words) {
	}

	/**
	 * The phrases found in a message of the given language (the language of its word
	 * lists).
	 */
	List<Hit<T>> find(List<String> words, String language) {
		List<Hit<T>> hits = new ArrayList<>();
		Set<Phrase<T>> found = null;
		for (String word : words) {
			if (word.length() < 2) {
				continue;
			}
			for (Phrase<T> phrase : this.byPrefix.getOrDefault(word.substring(0, 2), List.of())) {
				// A phrase is tried from a word its anchor starts: most phrases filed
				// under
				// the same two letters stop here, without a look at the other words.
				if (!word.startsWith(phrase.anchor())
						|| !phrase.language().equals(language) && phrase.shortestWord() < FOREIGN_PHRASE_MIN_LENGTH
						|| found != null && found.contains(phrase)) {
					continue;
				}
				BitSet positions = phrase.wordsOf(words);
				if (positions != null) {
					hits.add(new Hit<>(phrase.meaning(), positions));
					found = (found != null) ? found : Collections.newSetFromMap(new IdentityHashMap<>());
					found.add(phrase);
				}
			}
		}
		return hits;
	}

	/** The positions of the message's words that some phrase found. */
	BitSet wordsFound(List<String> words, String language) {
		BitSet found = new BitSet(words.size());
		find(words, language).forEach(hit -> found.or(hit.words()));
		return found;
	}

	/**
	 * A phrase, filed under the first two letters of its anchor, the first of its words
	 * long enough to have them.
	 */
	private record Phrase<T>(String language, List<String> words, String anchor, int shortestWord, T meaning) {

		/**
		 * The message's words this phrase finds, or null unless it finds all of its
		 * words.
		 */
		BitSet wordsOf(List<String> message) {
			BitSet mine = new BitSet(message.size());
			for (String prefix : this.words) {
				boolean any = false;
				for (int i = 0; i < message.size(); i++) {
					if (message.get(i).startsWith(prefix)) {
						mine.set(i);
						any = true;
					}
				}
				if (!any) {
					return null;
				}
			}
			return mine;
		}

	}

}
