package org.haqqim.matching;

/**
 * A word as the re-ranking compares it: with its stem, its synonym group (or -1), the
 * numbers of its text and stem in the term table (or -1), and its length and a
 * fingerprint of its letters for ruling out typos cheaply. Most pairs the re-ranking
 * compares are unrelated, and this tells most of them apart without reading the letters.
 */
record Word(String text, String stem, int group, int textNumber, int stemNumber, int length, long start, long letters) {

	Word(String text, String stem, int group, int textNumber, int stemNumber) {
		this(text, stem, group, textNumber, stemNumber, text.length(), start(text), EditDistance.letters(text));
	}

	/**
	 * The first four letters in one number: a word of four letters starts another when
	 * the two are equal.
	 */
	private static long start(String text) {
		long start = 0;
		for (int i = 0; i < Math.min(4, text.length()); i++) {
			start = start << 16 | text.charAt(i);
		}
		return start;
	}

}
