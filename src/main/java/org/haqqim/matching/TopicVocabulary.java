package org.haqqim.matching;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Every word, stem and synonym group a topic's phrasings use, for judging a long question
 * whose words are spread over several phrasings. Looked up by hash, so it costs a few
 * lookups per word.
 */
final class TopicVocabulary {

	/**
	 * A word a topic uses this often counts fully; one it uses once, incidentally, counts
	 * half.
	 */
	private static final double CHARACTERISTIC_USES = 2;

	private final Map<String, Integer> words = new HashMap<>();

	private final Map<String, Integer> stems = new HashMap<>();

	private final Map<Integer, Integer> groups = new HashMap<>();

	void add(Phrasing phrasing, TermTable table) {
		for (int i = 0; i < phrasing.terms().length; i++) {
			if (phrasing.weights()[i] > 0) {
				Word word = table.word(phrasing.terms()[i]);
				this.words.merge(word.text(), 1, Integer::sum);
				this.stems.merge(word.stem(), 1, Integer::sum);
				if (word.group() >= 0) {
					this.groups.merge(word.group(), 1, Integer::sum);
				}
			}
		}
	}

	Set<String> stems() {
		return this.stems.keySet();
	}

	/**
	 * How much of the question's weight the topic's words explain, by how characteristic
	 * they are; a synonym or a shared stem counts as {@link TermFeatures} counts it.
	 */
	double covered(WordLists.Terms question, double[] weights) {
		double covered = 0;
		for (int i = 0; i < question.size(); i++) {
			if (weights[i] == 0) {
				continue;
			}
			double match = 0;
			Integer uses = this.words.get(question.words()[i]);
			if (uses != null) {
				match = TermFeatures.SAME_WORD * characteristic(uses);
			}
			if (question.groups()[i] >= 0) {
				Integer groupUses = this.groups.get(question.groups()[i]);
				if (groupUses != null) {
					match = Math.max(match, TermFeatures.SYNONYM * characteristic(groupUses));
				}
			}
			if (question.words()[i].length() >= TermFeatures.SHORTEST_COMPARED) {
				Integer stemUses = this.stems.get(question.stems()[i]);
				if (stemUses != null) {
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

}
