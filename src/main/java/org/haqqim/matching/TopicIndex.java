package org.haqqim.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.haqqim.knowledge.KnowledgeBase;

/**
 * The topics' phrasings (titles, example questions, keywords, in every language) in an
 * in-memory Lucene index. Lucene finds the candidate phrasings of a question; the
 * {@link Reranker} then scores them and their topics, and that score is the confidence.
 */
final class TopicIndex {

	/** The field of a phrasing's stems and synonym groups, with length norms. */
	static final String STEMS = "s";

	/**
	 * The field of the trigrams of a phrasing's words, for finding a word typed wrong.
	 */
	static final String TRIGRAMS = "g";

	/** The doc value that holds a phrasing's number, to check the index's order. */
	static final String ORDINAL = "i";

	private static final int CANDIDATE_PHRASINGS = 40;

	private static final int TRIGRAMS_PER_UNKNOWN_WORD = 4;

	/**
	 * How much a trigram of an unknown word counts in the search, next to a whole stem.
	 */
	private static final float TRIGRAM_BOOST = 0.3f;

	private final WordLists wordLists;

	private final PhrasingSearch search;

	private final Reranker reranker;

	/**
	 * How rare each stem and synonym group is; a stem not in it is a word the index does
	 * not know.
	 */
	private final Map<String, Double> idf;

	private final int topicCount;

	TopicIndex(WordLists wordLists, PhrasingSearch search, Reranker reranker, Map<String, Double> idf, int topicCount) {
		this.wordLists = wordLists;
		this.search = search;
		this.reranker = reranker;
		this.idf = idf;
		this.topicCount = topicCount;
	}

	/**
	 * A topic and how well the question matched it: {@code score} judges the whole
	 * question, {@code reach} only its most telling words, so that a long story whose
	 * question takes up a few of its words still reaches the topics it is about.
	 */
	record Candidate(String topic, double score, double reach, double phrasing, double coverage, double specificity) {

		Candidate scaled(double factor) {
			return new Candidate(this.topic, this.score * factor, this.reach * factor, this.phrasing, this.coverage,
					this.specificity);
		}

	}

	static TopicIndex build(KnowledgeBase knowledge) {
		return TopicIndexBuilder.build(knowledge);
	}

	static TopicIndex build(WordLists wordLists, Map<String, List<WordLists.Terms>> byTopic) {
		return TopicIndexBuilder.build(wordLists, byTopic);
	}

	WordLists wordLists() {
		return this.wordLists;
	}

	int phrasingCount() {
		return this.reranker.phrasingCount();
	}

	/** Topics that match the question, best first, with their scores in [0,1]. */
	List<Candidate> candidates(WordLists.Terms question) {
		PhrasingSearch.Search search = searchFor(question);
		if (search.isEmpty()) {
			return List.of();
		}
		return this.reranker.rank(question, search.best(CANDIDATE_PHRASINGS));
	}

	/**
	 * The search for a question's words: a known word by its stem, an unknown one (a
	 * typo, mostly) by its rarest trigrams, and a word with synonyms by its synonym group
	 * too.
	 */
	PhrasingSearch.Search searchFor(WordLists.Terms question) {
		PhrasingSearch.Search search = this.search.search();
		for (int i = 0; i < question.size(); i++) {
			if (question.common()[i]) {
				continue;
			}
			String stem = question.stems()[i];
			if (this.idf.containsKey(stem)) {
				search.add(STEMS, stem, 1);
			}
			else {
				for (String gram : rarestTrigrams(question.words()[i])) {
					search.add(TRIGRAMS, gram, TRIGRAM_BOOST);
				}
			}
			if (question.groups()[i] >= 0) {
				search.add(STEMS, groupKey(question.groups()[i]), 1);
			}
		}
		return search;
	}

	/**
	 * The trigrams of an unknown word that the fewest phrasings share. Rare trigrams are
	 * the ones that point at the word meant, and a trigram most phrasings share only
	 * costs time to search.
	 */
	private List<String> rarestTrigrams(String word) {
		List<Trigram> known = new ArrayList<>();
		for (String gram : trigrams(word)) {
			int phrasings = this.search.documentFrequency(TRIGRAMS, gram);
			if (phrasings > 0) {
				known.add(new Trigram(gram, phrasings));
			}
		}
		known.sort(Comparator.comparingInt(Trigram::phrasings));
		return known.stream().limit(TRIGRAMS_PER_UNKNOWN_WORD).map(Trigram::text).toList();
	}

	private record Trigram(String text, int phrasings) {
	}

	/** The trigrams of a word, with its start and end marked. */
	static List<String> trigrams(String word) {
		String marked = "^" + word + "$";
		List<String> grams = new ArrayList<>(marked.length());
		for (int i = 0; i + 3 <= marked.length(); i++) {
			grams.add(marked.substring(i, i + 3));
		}
		return grams;
	}

	/** A synonym group as a term of the stems field: no stem starts with '~'. */
	static String groupKey(int group) {
		return "~" + group;
	}

	@Override
	public String toString() {
		return "TopicIndex[topics=" + this.topicCount + ", phrasings=" + phrasingCount() + ", terms=" + this.idf.size()
				+ "]";
	}

}
