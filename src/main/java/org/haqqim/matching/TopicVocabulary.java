package org.haqqim.matching;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Every word, stem and synonym group a topic's phrasings use, for judging a long question
 * whose words are spread over several phrasings. Kept by the numbers the term table gives
 * texts and stems, in sorted arrays: a question's words are numbered once, and each topic
 * then costs a few binary searches per word rather than hashing its text again.
 */
final class TopicVocabulary {

	/**
	 * A word a topic uses this often counts fully; one it uses once, incidentally, counts
	 * half.
	 */
	private static final double CHARACTERISTIC_USES = 2;

	private final Map<Integer, Integer> textUses = new HashMap<>();

	private final Map<Integer, Integer> stemUses = new HashMap<>();

	private final Map<Integer, Integer> groupUses = new HashMap<>();

	private final Set<String> stems = new HashSet<>();

	private Uses texts;

	private Uses stemsByNumber;

	private Uses groups;

	void add(Phrasing phrasing, TermTable table) {
		for (int i = 0; i < phrasing.terms().length; i++) {
			if (phrasing.weights()[i] > 0) {
				Word word = table.word(phrasing.terms()[i]);
				this.textUses.merge(word.textNumber(), 1, Integer::sum);
				this.stemUses.merge(word.stemNumber(), 1, Integer::sum);
				this.stems.add(word.stem());
				if (word.group() >= 0) {
					this.groupUses.merge(word.group(), 1, Integer::sum);
				}
			}
		}
	}

	/**
	 * Files what was added for look-ups, and lets go of the counting maps; called once,
	 * when every phrasing is in.
	 */
	void freeze() {
		this.texts = Uses.of(this.textUses);
		this.stemsByNumber = Uses.of(this.stemUses);
		this.groups = Uses.of(this.groupUses);
		this.textUses.clear();
		this.stemUses.clear();
		this.groupUses.clear();
	}

	Set<String> stems() {
		return this.stems;
	}

	/**
	 * How much of the question's weight the topic's words explain, by how characteristic
	 * they are; a synonym or a shared stem counts as {@link TermFeatures} counts it.
	 */
	double covered(Word[] question, double[] weights) {
		double covered = 0;
		for (int i = 0; i < question.length; i++) {
			if (weights[i] == 0) {
				continue;
			}
			Word word = question[i];
			double match = 0;
			int uses = this.texts.of(word.textNumber());
			if (uses > 0) {
				match = TermFeatures.SAME_WORD * characteristic(uses);
			}
			if (word.group() >= 0) {
				int groupUses = this.groups.of(word.group());
				if (groupUses > 0) {
					match = Math.max(match, TermFeatures.SYNONYM * characteristic(groupUses));
				}
			}
			if (word.length() >= TermFeatures.SHORTEST_COMPARED) {
				int stemUses = this.stemsByNumber.of(word.stemNumber());
				if (stemUses > 0) {
					match = Math.max(match, TermFeatures.SAME_STEM * characteristic(stemUses));
				}
			}
			covered += match * weights[i];
		}
		return covered;
	}

	private static double characteristic(int uses) {
		return Math.min(1, uses / CHARACTERISTIC_USES);
	}

	/** How often each number is used, as sorted numbers beside their counts. */
	private record Uses(int[] numbers, int[] counts) {

		static Uses of(Map<Integer, Integer> uses) {
			int[] numbers = uses.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
			int[] counts = new int[numbers.length];
			for (int i = 0; i < numbers.length; i++) {
				counts[i] = uses.get(numbers[i]);
			}
			return new Uses(numbers, counts);
		}

		/** The count of a number, 0 when it is not used or is -1 (not in the table). */
		int of(int number) {
			if (number < 0) {
				return 0;
			}
			int at = Arrays.binarySearch(this.numbers, number);
			return at >= 0 ? this.counts[at] : 0;
		}

	}

}
