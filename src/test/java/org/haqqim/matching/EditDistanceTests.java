package org.haqqim.matching;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceTests {

	@Test
	void agreesWithTheFullTableOnRandomPairsOfWords() {
		Random random = new Random(20261129);
		int compared = 0;
		int near = 0;
		for (int n = 0; n < 20_000; n++) {
			String word = randomWord(random);
			String other = random.nextBoolean() ? randomWord(random) : mistype(word, random);
			int expected = Math.min(3, fullTable(word, other));
			assertThat(atMostTwo(word, other)).as("%s / %s", word, other).isEqualTo(expected);
			compared++;
			near += expected <= 2 ? 1 : 0;
		}
		assertThat(near).as("pairs within two edits among %d", compared).isGreaterThan(compared / 4);
	}

	@Test
	void typosAreOneOrTwoEditsAway() {
		assertThat(atMostTwo("patent", "patnt")).isEqualTo(1);
		assertThat(atMostTwo("registrasiya", "regestrasiya")).isEqualTo(1);
		assertThat(atMostTwo("propiska", "porpiska")).as("a swap is one edit").isEqualTo(1);
		assertThat(atMostTwo("deportasiya", "diportasia")).isEqualTo(2);
		assertThat(atMostTwo("patent", "pasport")).isEqualTo(3);
	}

	@Test
	void aSwapOfNeighboursIsOneEdit() {
		assertThat(atMostTwo("propiska", "porpiska")).isEqualTo(1);
		assertThat(atMostTwo("ab", "ba")).isEqualTo(1);
		assertThat(atMostTwo("abcd", "badc")).isEqualTo(2);
	}

	@Test
	void anEmptyWordIsAsFarAsTheOthersLength() {
		assertThat(atMostTwo("", "")).isZero();
		assertThat(atMostTwo("", "ab")).isEqualTo(2);
		assertThat(atMostTwo("abc", "")).isEqualTo(3);
	}

	/** Few letters, so that random words often share them and come close. */
	private static String randomWord(Random random) {
		StringBuilder word = new StringBuilder();
		int length = random.nextInt(9);
		for (int i = 0; i < length; i++) {
			word.append((char) ('a' + random.nextInt(4)));
		}
		return word.toString();
	}

	private static String mistype(String word, Random random) {
		StringBuilder typed = new StringBuilder(word);
		for (int edit = random.nextInt(4); edit > 0; edit--) {
			int at = typed.length() == 0 ? 0 : random.nextInt(typed.length());
			switch (random.nextInt(4)) {
				case 0 -> typed.insert(at, (char) ('a' + random.nextInt(4)));
				case 1 -> {
					if (typed.length() > 0) {
						typed.deleteCharAt(at);
					}
				}
				case 2 -> {
					if (typed.length() > 0) {
						typed.setCharAt(at, (char) ('a' + random.nextInt(4)));
					}
				}
				default -> {
					if (at + 1 < typed.length()) {
						char first = typed.charAt(at);
						typed.setCharAt(at, typed.charAt(at + 1));
						typed.setCharAt(at + 1, first);
					}
				}
			}
		}
		return typed.toString();
	}

	/** Optimal string alignment distance, the whole table: slow and plainly right. */
	private static int fullTable(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

	/**
	 * The distance as {@link EditDistance} tells it: the fewest edits within two,
	 * otherwise three.
	 */
	private static int atMostTwo(String a, String b) {
		for (int edits = 0; edits <= 2; edits++) {
			if (EditDistance.isWithin(a, b, edits)) {
				return edits;
			}
		}
		return 3;
	}

}
