package org.haqqim.matching;

/**
 * Damerau–Levenshtein distance (with transpositions), computed only as far as it matters:
 * 0, 1, 2 or more.
 */
final class EditDistance {

	private EditDistance() {
	}

	/**
	 * Whether the two words are at most {@code edits} apart. Tried edit by edit rather
	 * than with a table: with at most two edits there are few ways to try, and no table
	 * to allocate for each of the many pairs the re-ranking compares.
	 */
	static boolean isWithin(String a, String b, int edits) {
		if (Math.abs(a.length() - b.length()) > edits) {
			return false;
		}
		int aEnd = a.length();
		int bEnd = b.length();
		while (aEnd > 0 && bEnd > 0 && a.charAt(aEnd - 1) == b.charAt(bEnd - 1)) {
			aEnd--;
			bEnd--;
		}
		return within(a, 0, aEnd, b, 0, bEnd, edits);
	}

	/**
	 * Whether {@code a} from {@code i} to {@code aEnd} and {@code b} from {@code j} to
	 * {@code bEnd} are at most {@code edits} apart. Equal letters are matched first,
	 * which never costs an edit that matching them otherwise would save.
	 */
	private static boolean within(String a, int i, int aEnd, String b, int j, int bEnd, int edits) {
		while (i < aEnd && j < bEnd && a.charAt(i) == b.charAt(j)) {
			i++;
			j++;
		}
		int restOfA = aEnd - i;
		int restOfB = bEnd - j;
		if (restOfA == 0 || restOfB == 0) {
			return restOfA + restOfB <= edits;
		}
		if (edits == 0 || Math.abs(restOfA - restOfB) > edits) {
			return false;
		}
		int left = edits - 1;
		return within(a, i + 1, aEnd, b, j + 1, bEnd, left) || within(a, i + 1, aEnd, b, j, bEnd, left)
				|| within(a, i, aEnd, b, j + 1, bEnd, left)
				|| (restOfA > 1 && restOfB > 1 && a.charAt(i) == b.charAt(j + 1) && a.charAt(i + 1) == b.charAt(j)
						&& within(a, i + 2, aEnd, b, j + 2, bEnd, left));
	}

	/**
	 * A fingerprint of a word's letters: one of 64 bits for each, so words with a letter
	 * in common share a bit.
	 */
	static long letters(String word) {
		long letters = 0;
		for (int i = 0; i < word.length(); i++) {
			letters |= 1L << word.charAt(i);
		}
		return letters;
	}

	/**
	 * Whether two words, by their fingerprints, may be at most {@code edits} apart. A
	 * letter one word has and the other lacks needs an edit of its own, so more such
	 * letters rule the pair out without comparing letters: most pairs of words the
	 * matcher compares are unrelated.
	 */
	static boolean mayBeWithin(long letters, long otherLetters, int edits) {
		return Long.bitCount(letters & ~otherLetters) <= edits && Long.bitCount(otherLetters & ~letters) <= edits;
	}

}
