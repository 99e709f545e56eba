package org.haqqim.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Lexicon;

/**
 * The maintainers' word lists from {@code knowledge/matching/}, folded into the matcher's
 * spelling: synonym groups (single words by stem, several words as phrases) and words too
 * common to count.
 */
final class WordLists {

	private final Map<String, Integer> groupByStem = new HashMap<>();

	/**
	 * Multi-word synonyms by their first stem, so that a text is scanned once, not once
	 * per phrase.
	 */
	private final Map<String, List<Phrase>> phrasesByFirstStem = new HashMap<>();

	private final Set<String> commonWords = new HashSet<>();

	/**
	 * A multi-word synonym; {@code order} is its place in the file, since a later phrase
	 * wins where two overlap.
	 */
	private record Phrase(List<String> stems, int group, int order) {

		boolean startsAt(String[] stems, int start) {
			if (start + this.stems.size() > stems.length) {
				return false;
			}
			for (int k = 0; k < this.stems.size(); k++) {
				if (!stems[start + k].equals(this.stems.get(k))) {
					return false;
				}
			}
			return true;
		}

	}

	WordLists(Lexicon lists) {
		int group = 0;
		int phrases = 0;
		for (List<String> synonyms : lists.synonymGroups()) {
			for (String entry : synonyms) {
				List<String> words = TextFolding.words(entry);
				if (words.size() == 1) {
					this.groupByStem.putIfAbsent(Stemmer.stem(words.get(0)), group);
				}
				else if (words.size() > 1) {
					Phrase phrase = new Phrase(words.stream().map(Stemmer::stem).toList(), group, phrases++);
					this.phrasesByFirstStem.computeIfAbsent(phrase.stems().get(0), first -> new ArrayList<>())
						.add(phrase);
				}
			}
			group++;
		}
		lists.commonWords()
			.values()
			.forEach(words -> words.forEach(word -> this.commonWords.addAll(TextFolding.words(word))));
	}

	static WordLists of(KnowledgeBase knowledge) {
		return new WordLists(knowledge.lexicon());
	}

	/**
	 * A text's terms: its words, their stems and synonym groups, and which of them are
	 * too common to count.
	 */
	Terms analyse(String text) {
		List<String> words = TextFolding.words(text);
		int size = words.size();
		String[] stems = new String[size];
		int[] groups = new int[size];
		boolean[] common = new boolean[size];
		for (int i = 0; i < size; i++) {
			stems[i] = Stemmer.stem(words.get(i));
			groups[i] = this.groupByStem.getOrDefault(stems[i], -1);
			common[i] = this.commonWords.contains(words.get(i));
		}
		markPhrases(stems, groups);
		return new Terms(words.toArray(new String[0]), stems, groups, common);
	}

	private record PhraseAt(Phrase phrase, int start) {
	}

	/**
	 * Gives the words of each multi-word synonym found in the text that synonym's group.
	 */
	private void markPhrases(String[] stems, int[] groups) {
		List<PhraseAt> found = null;
		for (int i = 0; i < stems.length; i++) {
			List<Phrase> starting = this.phrasesByFirstStem.get(stems[i]);
			if (starting == null) {
				continue;
			}
			for (Phrase phrase : starting) {
				if (phrase.startsAt(stems, i)) {
					if (found == null) {
						found = new ArrayList<>();
					}
					found.add(new PhraseAt(phrase, i));
				}
			}
		}
		if (found == null) {
			return;
		}
		found.sort(Comparator.comparingInt(match -> match.phrase().order()));
		for (PhraseAt match : found) {
			Arrays.fill(groups, match.start(), match.start() + match.phrase().stems().size(), match.phrase().group());
		}
	}

	/**
	 * A text as the matcher sees it.
	 *
	 * @param words folded words
	 * @param stems their stems
	 * @param groups the synonym group of each word, or -1
	 * @param common whether a word is too common to decide anything
	 */
	record Terms(String[] words, String[] stems, int[] groups, boolean[] common) {

		int size() {
			return this.words.length;
		}

		String folded() {
			return String.join(" ", this.words);
		}

	}

}
