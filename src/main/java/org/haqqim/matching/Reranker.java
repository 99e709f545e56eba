package org.haqqim.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the phrasings Lucene found for a question, and from them the topics: how much of
 * the question a phrasing covers and how much of itself the question covers, weighted by
 * how rare each word is, comparing whole words, stems, synonyms and near misses. That
 * score lies in [0,1] and means the same for every question, which a raw BM25 score does
 * not.
 */
final class Reranker {

	/**
	 * A question's most telling words weigh as much as this many words of typical rarity:
	 * the reach of a topic is the share of that weight it covers, so a long story is
	 * judged by the words it turns on.
	 */
	private static final double TELLING_WORDS = 4;

	/** A word used by at most one topic in this many can decide a question alone. */
	private static final double SPECIFIC_SHARE = 4;

	/**
	 * How much the share of a phrasing that the question covers counts, next to the share
	 * of the question covered.
	 */
	private static final double PHRASING_COVERAGE_WEIGHT = 0.35;

	/**
	 * How much the topic's whole vocabulary counts next to its best phrasing: a long
	 * message's words are often spread over several phrasings of the right topic.
	 */
	private static final double TOPIC_VOCABULARY_WEIGHT = 0.35;

	private final Phrasing[] phrasings;

	/** Every distinct term of the phrasings, once: phrasings refer to them by number. */
	private final TermFeatures features;

	private final Map<String, Double> idf;

	/** What a word the knowledge base never uses weighs: as much as a typical word. */
	private final double unknownWordWeight;

	private final int topicCount;

	private final Map<String, TopicVocabulary> vocabularies;

	/**
	 * For each stem, how many topics use it: a word most topics use cannot decide between
	 * them.
	 */
	private final Map<String, Integer> topicsUsing;

	Reranker(Phrasing[] phrasings, TermFeatures features, Map<String, Double> idf, double unknownWordWeight,
			int topicCount, Map<String, TopicVocabulary> vocabularies, Map<String, Integer> topicsUsing) {
		this.phrasings = phrasings;
		this.features = features;
		this.idf = idf;
		this.unknownWordWeight = unknownWordWeight;
		this.topicCount = topicCount;
		this.vocabularies = vocabularies;
		this.topicsUsing = topicsUsing;
	}

	/** The topics of the phrasings found, best first, with their scores. */
	List<TopicIndex.Candidate> rank(WordLists.Terms question, int[] hits) {
		Map<String, double[]> best = new HashMap<>();
		double[] questionWeights = questionWeights(question);
		QuestionWeight weight = QuestionWeight.of(questionWeights, this.unknownWordWeight * TELLING_WORDS);
		Similarities similarities = new Similarities(question, questionWeights);
		double[] bestForWord = new double[question.size()];
		for (int hit : hits) {
			Phrasing phrasing = this.phrasings[hit];
			double[] topicBest = best.computeIfAbsent(phrasing.topic(), topic -> new double[2]);
			score(questionWeights, similarities, phrasing, weight, bestForWord, topicBest);
		}
		double specificity = specificity(question);
		List<TopicIndex.Candidate> candidates = new ArrayList<>(best.size());
		best.forEach((topic, score) -> {
			double covered = this.vocabularies.get(topic).covered(similarities.question, questionWeights);
			double blended = blend(score[0], weight.share(covered));
			double reach = blend(score[1], weight.tellingShare(covered));
			candidates.add(new TopicIndex.Candidate(topic, blended * specificity, reach * specificity, score[0],
					weight.share(covered), specificity));
		});
		candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
		return candidates;
	}

	int phrasingCount() {
		return this.phrasings.length;
	}

	/**
	 * A question's total weight and the weight of its most telling words (the total,
	 * capped): the shares of them that a phrasing or a topic covers are its score and its
	 * reach.
	 */
	private record QuestionWeight(double whole, double telling) {

		static QuestionWeight of(double[] weights, double tellingCap) {
			double whole = 0;
			for (double weight : weights) {
				whole += weight;
			}
			return new QuestionWeight(whole, Math.min(whole, tellingCap));
		}

		double share(double covered) {
			return this.whole == 0 ? 0 : covered / this.whole;
		}

		double tellingShare(double covered) {
			return this.telling == 0 ? 0 : Math.min(1, covered / this.telling);
		}

	}

	private static double blend(double phrasingScore, double topicCoverage) {
		return (1 - TOPIC_VOCABULARY_WEIGHT) * phrasingScore + TOPIC_VOCABULARY_WEIGHT * topicCoverage;
	}

	/**
	 * How well the question's most specific known word can tell topics apart, from 0.5 (a
	 * word most topics use, such as "documents") to 1 (a word at most a quarter of the
	 * topics use). A question that shares only generic words with the knowledge base is
	 * never answered with confidence.
	 */
	private double specificity(WordLists.Terms question) {
		double best = 0;
		for (int i = 0; i < question.size(); i++) {
			Integer topics = question.common()[i] ? null : this.topicsUsing.get(question.stems()[i]);
			if (topics != null) {
				best = Math.max(best, Math.log((double) this.topicCount / topics));
			}
		}
		double specific = Math.min(1, best / Math.log(SPECIFIC_SHARE));
		return 0.5 + 0.5 * specific;
	}

	/**
	 * How much each word of the question counts: rare words more, common words not at
	 * all.
	 */
	private double[] questionWeights(WordLists.Terms question) {
		double[] weights = new double[question.size()];
		for (int i = 0; i < question.size(); i++) {
			weights[i] = question.common()[i] ? 0 : this.idf.getOrDefault(question.stems()[i], this.unknownWordWeight);
		}
		return weights;
	}

	/**
	 * How alike each word of one question is to each term of the candidate phrasings,
	 * worked out once per term: the candidates of a question share most of their words.
	 */
	private final class Similarities {

		private final Word[] question;

		private final double[] questionWeights;

		private final double[][] byTerm;

		Similarities(WordLists.Terms question, double[] questionWeights) {
			this.question = new Word[question.size()];
			for (int i = 0; i < this.question.length; i++) {
				this.question[i] = Reranker.this.features.questionWord(question.words()[i], question.stems()[i],
						question.groups()[i]);
			}
			this.questionWeights = questionWeights;
			this.byTerm = new double[Reranker.this.features.size()][];
		}

		double[] to(int term) {
			double[] known = this.byTerm[term];
			if (known != null) {
				return known;
			}
			double[] values = new double[this.question.length];
			for (int i = 0; i < values.length; i++) {
				if (this.questionWeights[i] > 0) {
					values[i] = Reranker.this.features.similarity(this.question[i], term);
				}
			}
			this.byTerm[term] = values;
			return values;
		}

	}

	/**
	 * The share of the question's weight this phrasing covers, tempered by the share of
	 * the phrasing the question covers: a question that only shares one word with a long
	 * phrasing scores low. Raises the topic's best score and reach ({@code topicBest}) to
	 * the phrasing's; {@code bestForWord} is room to work in.
	 */
	private static void score(double[] questionWeights, Similarities similarities, Phrasing phrasing,
			QuestionWeight weight, double[] bestForWord, double[] topicBest) {
		Arrays.fill(bestForWord, 0);
		double phrasingMatched = 0;
		for (int j = 0; j < phrasing.terms().length; j++) {
			if (phrasing.weights()[j] == 0) {
				continue;
			}
			double[] alike = similarities.to(phrasing.terms()[j]);
			double covered = 0;
			for (int i = 0; i < alike.length; i++) {
				covered = Math.max(covered, alike[i]);
				bestForWord[i] = Math.max(bestForWord[i], alike[i]);
			}
			phrasingMatched += phrasing.weights()[j] * covered;
		}
		double questionCovered = 0;
		for (int i = 0; i < questionWeights.length; i++) {
			questionCovered += questionWeights[i] * bestForWord[i];
		}
		double phrasingFactor = 1 - PHRASING_COVERAGE_WEIGHT
				+ PHRASING_COVERAGE_WEIGHT * phrasingMatched / phrasing.weightSum();
		topicBest[0] = Math.max(topicBest[0], weight.share(questionCovered) * phrasingFactor);
		topicBest[1] = Math.max(topicBest[1], weight.tellingShare(questionCovered) * phrasingFactor);
	}

}
