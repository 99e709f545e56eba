package org.haqqim.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct terms (a word with its stem and synonym group) of all phrasings, while the
 * index is built. Many phrasings share their words, so each is kept once, and the
 * re-ranking compares a question's word with each term once. Words and stems are numbered
 * too, so that comparing them is comparing numbers.
 */
final class TermTable {

	private final Map<String, Integer> numbers = new HashMap<>();

	private final Map<String, Integer> textNumbers = new HashMap<>();

	private final Map<String, Integer> stemNumbers = new HashMap<>();

	private final List<Word> words = new ArrayList<>();

	/** The number of a term, given it when it is new. */
	int number(String word, String stem, int group) {
		return this.numbers.computeIfAbsent(word + ' ' + group, key -> {
			int text = this.textNumbers.computeIfAbsent(word, known -> this.textNumbers.size());
			int stemNumber = this.stemNumbers.computeIfAbsent(stem, known -> this.stemNumbers.size());
			this.words.add(new Word(word, stem, group, text, stemNumber));
			return this.words.size() - 1;
		});
	}

	Word word(int term) {
		return this.words.get(term);
	}

	int size() {
		return this.words.size();
	}

	/** What the re-ranking reads of every term, in arrays by term number. */
	TermFeatures features() {
		int size = this.words.size();
		TermFeatures features = new TermFeatures(this.textNumbers, this.stemNumbers, new String[size], new int[size],
				new int[size], new int[size], new int[size], new long[size], new long[size]);
		for (int term = 0; term < size; term++) {
			Word word = this.words.get(term);
			features.texts()[term] = word.text();
			features.textNumbers()[term] = word.textNumber();
			features.stemNumbers()[term] = word.stemNumber();
			features.groups()[term] = word.group();
			features.lengths()[term] = word.length();
			features.starts()[term] = word.start();
			features.letters()[term] = word.letters();
		}
		return features;
	}

}
