package org.haqqim.matching;

import java.util.Map;

/**
 * The terms as the re-ranking reads them, one array per property, and how alike a word of
 * a question is to each. A question's candidates touch a few hundred terms scattered over
 * the table, and arrays of numbers keep them in a few cache lines where objects would
 * each take their own (measured: comparing words took a fifth of a question's time). With
 * the numbers of texts and stems, so that a question's words are numbered the same way;
 * the rest of the term table is only needed while building.
 */
record TermFeatures(Map<String, Integer> numberOfText, Map<String, Integer> numberOfStem, String[] texts,
		int[] textNumbers, int[] stemNumbers, int[] groups, int[] lengths, long[] starts, long[] letters) {

	/** How alike two words are when they are the same word. */
	static final double SAME_WORD = 1;

	/** Two words of one synonym group. */
	static final double SYNONYM = 0.9;

	/** Two words of one stem, or a word of four letters that starts the other. */
	static final double SAME_STEM = 0.85;

	/** One letter typed wrong, left out or added. */
	static final double ONE_TYPO = 0.75;

	/** Two such mistakes, in a long word. */
	static final double TWO_TYPOS = 0.6;

	/** Shorter words are alike only when they are the same word or synonyms. */
	static final int SHORTEST_COMPARED = 4;

	/**
	 * Words this long are told apart from two typos; shorter ones, from one (two would
	 * join unrelated words).
	 */
	static final int TWO_TYPOS_LENGTH = 7;

	/**
	 * A question's word, numbered like the terms when the index holds its text or stem,
	 * -1 otherwise.
	 */
	Word questionWord(String word, String stem, int group) {
		return new Word(word, stem, group, this.numberOfText.getOrDefault(word, -1),
				this.numberOfStem.getOrDefault(stem, -1));
	}

	int size() {
		return this.texts.length;
	}

	/**
	 * How alike a question's word and a term are: the same word, synonyms, the same stem,
	 * one the start of the other, a typo. A word of five letters or more that starts
	 * another has the same stem, so only a word of four letters needs its letters
	 * compared for that.
	 */
	double similarity(Word word, int term) {
		if (word.textNumber() >= 0 && word.textNumber() == this.textNumbers[term]) {
			return SAME_WORD;
		}
		if (word.group() >= 0 && word.group() == this.groups[term]) {
			return SYNONYM;
		}
		int length = this.lengths[term];
		int shorter = Math.min(word.length(), length);
		if (shorter < SHORTEST_COMPARED) {
			return 0;
		}
		if (word.stemNumber() >= 0 && word.stemNumber() == this.stemNumbers[term]) {
			return SAME_STEM;
		}
		if (shorter == SHORTEST_COMPARED && word.start() == this.starts[term]) {
			return SAME_STEM;
		}
		return typo(word, term, shorter);
	}

	/**
	 * A typo: one edit, or two in words of {@value #TWO_TYPOS_LENGTH} letters or more.
	 * The two texts differ here (the same text is the same word), so a distance of at
	 * most one is exactly one.
	 */
	private double typo(Word word, int term, int shorter) {
		int edits = shorter >= TWO_TYPOS_LENGTH ? 2 : 1;
		if (Math.abs(word.length() - this.lengths[term]) > edits
				|| !EditDistance.mayBeWithin(word.letters(), this.letters[term], edits)
				|| !EditDistance.isWithin(word.text(), this.texts[term], edits)) {
			return 0;
		}
		return edits == 1 || EditDistance.isWithin(word.text(), this.texts[term], 1) ? ONE_TYPO : TWO_TYPOS;
	}

}
