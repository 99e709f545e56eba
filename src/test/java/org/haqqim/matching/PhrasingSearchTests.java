package org.haqqim.matching;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.haqqim.knowledge.Lexicon;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two ways of finding a question's best phrasings, term by term and Lucene's Boolean
 * query, find the same phrasings: which one runs depends on the size of the index, not on
 * what is asked. They add a phrasing's scores in different orders, so two phrasings a
 * rounding apart may change places; the re-ranking takes the best of them all, so only
 * the set matters.
 */
class PhrasingSearchTests {

	private static final int BEST = 40;

	@Test
	void bothWaysAgreeOnTheRealKnowledgeBase() {
		TopicIndex index = TopicIndex.build(MatchingFixtures.realKnowledge());
		List<String> questions = Evaluation.read(MatchingFixtures.EVALUATION_SET)
			.stream()
			.map(Evaluation.Sample::text)
			.toList();
		assertBothWaysAgree(index, questions);
	}

	@Test
	void bothWaysAgreeOnASyntheticBaseOfAThousandTopics() {
		SyntheticKnowledge base = SyntheticKnowledge.generate(1_000, MatchingFixtures.SEED);
		WordLists wordLists = new WordLists(Lexicon.empty());
		TopicIndex index = TopicIndex.build(wordLists, base.analyse(wordLists));
		assertBothWaysAgree(index, Arrays.asList(base.queries(500, new Random(MatchingFixtures.SEED + 1))));
	}

	@Test
	void aMessageWithoutWordsFindsNothing() {
		TopicIndex index = TopicIndex.build(MatchingFixtures.realKnowledge());
		PhrasingSearch.Search search = index.searchFor(index.wordLists().analyse("?! ... !!!"));
		assertThat(search.isEmpty()).isTrue();
		assertThat(search.best(BEST)).isEmpty();
	}

	private static void assertBothWaysAgree(TopicIndex index, List<String> questions) {
		int searched = 0;
		for (String question : questions) {
			PhrasingSearch.Search search = index.searchFor(index.wordLists().analyse(question));
			if (search.isEmpty()) {
				continue;
			}
			searched++;
			int[] termByTerm = search.termAtATime(BEST);
			assertThat(termByTerm).as(question)
				.hasSizeLessThanOrEqualTo(BEST)
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrder(search.skipping(BEST));
		}
		assertThat(searched).as("questions with a word the index knows").isGreaterThan(questions.size() * 3 / 4);
	}

}
