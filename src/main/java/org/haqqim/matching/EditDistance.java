package org.haqqim.matching;

/** Damerau–Levenshtein distance (with transpositions), computed only as far as it matters: 0, 1, 2 or more. */
final class EditDistance {

	private EditDistance() {
	}

	/** The distance when it is at most two, otherwise three. */
	static int atMostTwo(String a, String b) {
		int n = a.length();
		int m = b.length();
		if (Math.abs(n - m) > 2) {
			return 3;
		}
		int[] previousPrevious = new int[m + 1];
		int[] previous = new int[m + 1];
		int[] current = new int[m + 1];
		for (int j = 0; j <= m; j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= n; i++) {
			current[0] = i;
			int rowMinimum = current[0];
			for (int j = 1; j <= m; j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, previousPrevious[j - 2] + 1);
				}
				current[j] = value;
				rowMinimum = Math.min(rowMinimum, value);
			}
			if (rowMinimum > 2) {
				return 3;
			}
			int[] recycled = previousPrevious;
			previousPrevious = previous;
			previous = current;
			current = recycled;
		}
		return Math.min(previous[m], 3);
	}

	/** A fingerprint of a word's letters: one of 64 bits for each, so words with a letter in common share a bit. */
	static long letters(String word) {
		long letters = 0;
		for (int i = 0; i < word.length(); i++) {
			letters |= 1L << word.charAt(i);
		}
		return letters;
	}

	/**
	 * Whether two words, by their fingerprints, may be at most two edits apart. A letter one word has and
	 * the other lacks needs an edit of its own, so more than two such letters rule the pair out without
	 * the table: most pairs of words the matcher compares are unrelated.
	 */
	static boolean mayBeWithinTwo(long letters, long otherLetters) {
		return Long.bitCount(letters & ~otherLetters) <= 2 && Long.bitCount(otherLetters & ~letters) <= 2;
	}

}
