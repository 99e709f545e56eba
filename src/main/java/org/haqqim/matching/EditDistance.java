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

}
