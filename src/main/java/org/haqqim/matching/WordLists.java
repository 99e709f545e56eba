package org.haqqim.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Lexicon;

/**
 * The maintainers' word lists from {@code knowledge/matching/}, folded into the matcher's spelling:
 * synonym groups (single words by stem, several words as phrases) and words too common to count.
 */
final class WordLists {

	private final Map<String, Integer> groupByStem = new HashMap<>();

	private final List<Phrase> phrases = new ArrayList<>();

	private final Set<String> commonWords = new HashSet<>();

	private record Phrase(List<String> stems, int group) {
	}

	WordLists(Lexicon lists) {
		int group = 0;
		for (List<String> synonyms : lists.synonymGroups()) {
			for (String entry : synonyms) {
				List<String> words = TextFolding.words(entry);
				if (words.size() == 1) {
					this.groupByStem.putIfAbsent(Stemmer.stem(words.get(0)), group);
				}
				else if (words.size() > 1) {
					this.phrases.add(new Phrase(words.stream().map(Stemmer::stem).toList(), group));
				}
			}
			group++;
		}
		lists.commonWords().values().forEach(words -> words.forEach(word -> this.commonWords.addAll(TextFolding.words(word))));
	}

	static WordLists of(KnowledgeBase knowledge) {
		return new WordLists(knowledge.lexicon());
	}

	/** A text's terms: its words, their stems and synonym groups, and which of them are too common to count. */
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
		for (Phrase phrase : this.phrases) {
			int length = phrase.stems().size();
			for (int i = 0; i + length <= size; i++) {
				boolean matches = true;
				for (int k = 0; k < length && matches; k++) {
					matches = stems[i + k].equals(phrase.stems().get(k));
				}
				if (matches) {
					for (int k = 0; k < length; k++) {
						groups[i + k] = phrase.group();
					}
				}
			}
		}
		return new Terms(words.toArray(new String[0]), stems, groups, common);
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
