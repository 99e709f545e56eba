package org.haqqim.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Topic;

/**
 * The topics' phrasings (titles, example questions, keywords, in every language) in an in-memory
 * Lucene index. Lucene finds the candidates; each is then re-ranked by how much of the question it
 * covers and how much of itself the question covers, weighted by how rare each word is, comparing
 * whole words, stems, synonyms and near misses. That score is the confidence: it lies in [0,1] and
 * means the same for every question, which a raw BM25 score does not.
 */
final class TopicIndex {

	private static final int CANDIDATE_PHRASINGS = 60;

	/**
	 * One term per value, with length norms: among the many phrasings that share a word, BM25 then ranks
	 * the short, exact ones first, so that they are among the candidates the re-ranking sees.
	 */
	private static final FieldType TERM_WITH_LENGTH = termWithLength();

	/** A word used by at most one topic in this many can decide a question alone. */
	private static final double SPECIFIC_SHARE = 4;

	/** How much the share of a phrasing that the question covers counts, next to the share of the question covered. */
	private static final double PHRASING_COVERAGE_WEIGHT = 0.35;

	/**
	 * How much the topic's whole vocabulary counts next to its best phrasing: a long message's words are
	 * often spread over several phrasings of the right topic.
	 */
	private static final double TOPIC_VOCABULARY_WEIGHT = 0.35;

	private final WordLists wordLists;

	private final IndexSearcher searcher;

	private final Phrasing[] phrasings;

	private final Map<String, Double> idf;

	private final double unknownWordWeight;

	private final int topicCount;

	private final Map<String, TopicVocabulary> vocabularies;

	/** For each stem, how many topics use it: a word most topics use cannot decide between them. */
	private final Map<String, Integer> topicsUsing;

	/** One way of asking about a topic, analysed once when the index is built. */
	record Phrasing(String topic, String[] words, String[] stems, int[] groups, double[] weights, double weightSum) {
	}

	/** A topic and how well the question matched its best phrasing. */
	record Candidate(String topic, double score) {
	}

	private TopicIndex(WordLists wordLists, IndexSearcher searcher, Phrasing[] phrasings, Map<String, Double> idf,
			double unknownWordWeight, int topicCount, Map<String, TopicVocabulary> vocabularies,
			Map<String, Integer> topicsUsing) {
		this.wordLists = wordLists;
		this.searcher = searcher;
		this.phrasings = phrasings;
		this.idf = idf;
		this.unknownWordWeight = unknownWordWeight;
		this.topicCount = topicCount;
		this.vocabularies = vocabularies;
		this.topicsUsing = topicsUsing;
	}

	static TopicIndex build(KnowledgeBase knowledge) {
		WordLists wordLists = WordLists.of(knowledge);
		Map<String, List<WordLists.Terms>> byTopic = new LinkedHashMap<>();
		for (Topic topic : knowledge.topics()) {
			Set<String> seen = new HashSet<>();
			List<WordLists.Terms> terms = new ArrayList<>();
			for (Topic.Text text : topic.texts().values()) {
				for (String phrasing : text.phrasings()) {
					WordLists.Terms analysed = wordLists.analyse(phrasing);
					if (analysed.size() > 0 && seen.add(analysed.folded())) {
						terms.add(analysed);
					}
				}
			}
			byTopic.put(topic.id(), terms);
		}
		return build(wordLists, byTopic);
	}

	static TopicIndex build(WordLists wordLists, Map<String, List<WordLists.Terms>> byTopic) {
		Map<String, Integer> documentFrequency = new HashMap<>();
		int documents = 0;
		for (List<WordLists.Terms> all : byTopic.values()) {
			for (WordLists.Terms terms : all) {
				documents++;
				Set<String> keys = new HashSet<>();
				for (int i = 0; i < terms.size(); i++) {
					keys.add(terms.stems()[i]);
					if (terms.groups()[i] >= 0) {
						keys.add(groupKey(terms.groups()[i]));
					}
				}
				keys.forEach(key -> documentFrequency.merge(key, 1, Integer::sum));
			}
		}
		Map<String, Double> idf = new HashMap<>();
		int total = documents;
		documentFrequency.forEach((key, df) -> idf.put(key, Math.log(1 + (double) total / df)));
		double[] sorted = idf.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
		// A word the knowledge base never uses counts like a typical word: lighter weights let a single
		// shared word carry weather and football questions to an answer (measured on the evaluation set).
		double unknownWordWeight = sorted.length == 0 ? 1 : sorted[sorted.length / 2];

		List<Phrasing> phrasings = new ArrayList<>();
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
			for (Map.Entry<String, List<WordLists.Terms>> topic : byTopic.entrySet()) {
				for (WordLists.Terms terms : topic.getValue()) {
					Phrasing phrasing = phrasing(topic.getKey(), terms, idf);
					if (phrasing.weightSum() <= 0) {
						continue;
					}
					writer.addDocument(document(phrasing, phrasings.size()));
					phrasings.add(phrasing);
				}
			}
			writer.forceMerge(1);
			writer.commit();
			IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
			searcher.setQueryCache(null);
			Map<String, TopicVocabulary> vocabularies = new HashMap<>();
			for (Phrasing phrasing : phrasings) {
				vocabularies.computeIfAbsent(phrasing.topic(), topic -> new TopicVocabulary()).add(phrasing);
			}
			Map<String, Integer> topicsUsing = new HashMap<>();
			vocabularies.values().forEach(vocabulary -> vocabulary.stems.keySet().forEach(stem -> topicsUsing.merge(stem, 1, Integer::sum)));
			return new TopicIndex(wordLists, searcher, phrasings.toArray(Phrasing[]::new), idf, unknownWordWeight,
					byTopic.size(), vocabularies, topicsUsing);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The in-memory topic index could not be built", ex);
		}
	}

	private static Phrasing phrasing(String topic, WordLists.Terms terms, Map<String, Double> idf) {
		double[] weights = new double[terms.size()];
		double sum = 0;
		for (int i = 0; i < terms.size(); i++) {
			weights[i] = terms.common()[i] ? 0 : idf.getOrDefault(terms.stems()[i], 0.0);
			sum += weights[i];
		}
		return new Phrasing(topic, terms.words(), terms.stems(), terms.groups(), weights, sum);
	}

	private static Document document(Phrasing phrasing, int ordinal) {
		Document document = new Document();
		for (int i = 0; i < phrasing.words().length; i++) {
			if (phrasing.weights()[i] == 0) {
				continue;
			}
			document.add(new Field("s", phrasing.stems()[i], TERM_WITH_LENGTH));
			if (phrasing.groups()[i] >= 0) {
				document.add(new Field("s", groupKey(phrasing.groups()[i]), TERM_WITH_LENGTH));
			}
			for (String gram : trigrams(phrasing.words()[i])) {
				document.add(new StringField("g", gram, Field.Store.NO));
			}
		}
		document.add(new NumericDocValuesField("i", ordinal));
		return document;
	}

	private static FieldType termWithLength() {
		FieldType type = new FieldType();
		type.setTokenized(false);
		type.setOmitNorms(false);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		type.freeze();
		return type;
	}

	WordLists wordLists() {
		return this.wordLists;
	}

	int topicCount() {
		return this.topicCount;
	}

	int phrasingCount() {
		return this.phrasings.length;
	}

	/** Topics that match the question, best first, with their scores in [0,1]. */
	List<Candidate> candidates(WordLists.Terms question) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		int clauses = 0;
		for (int i = 0; i < question.size(); i++) {
			if (question.common()[i]) {
				continue;
			}
			String stem = question.stems()[i];
			if (this.idf.containsKey(stem)) {
				query.add(new TermQuery(new Term("s", stem)), BooleanClause.Occur.SHOULD);
				clauses++;
			}
			else {
				for (String gram : trigrams(question.words()[i])) {
					query.add(new BoostQuery(new TermQuery(new Term("g", gram)), 0.3f), BooleanClause.Occur.SHOULD);
					clauses++;
				}
			}
			if (question.groups()[i] >= 0) {
				query.add(new TermQuery(new Term("s", groupKey(question.groups()[i]))), BooleanClause.Occur.SHOULD);
				clauses++;
			}
		}
		if (clauses == 0) {
			return List.of();
		}
		ScoreDoc[] hits = search(query.build());
		Map<String, Double> best = new HashMap<>();
		double[] questionWeights = questionWeights(question);
		for (ScoreDoc hit : hits) {
			Phrasing phrasing = this.phrasings[ordinal(hit.doc)];
			double score = score(question, questionWeights, phrasing);
			best.merge(phrasing.topic(), score, Math::max);
		}
		double specificity = specificity(question);
		List<Candidate> candidates = new ArrayList<>(best.size());
		best.forEach((topic, score) -> {
			double topicCoverage = this.vocabularies.get(topic).coverage(question, questionWeights);
			double blended = (1 - TOPIC_VOCABULARY_WEIGHT) * score + TOPIC_VOCABULARY_WEIGHT * topicCoverage;
			candidates.add(new Candidate(topic, blended * specificity));
		});
		candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
		return candidates;
	}

	private ScoreDoc[] search(BooleanQuery query) {
		try {
			return this.searcher.search(query, CANDIDATE_PHRASINGS).scoreDocs;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The in-memory topic index could not be searched", ex);
		}
	}

	private int ordinal(int doc) {
		try {
			List<LeafReaderContext> leaves = this.searcher.getIndexReader().leaves();
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
			NumericDocValues values = leaf.reader().getNumericDocValues("i");
			values.advanceExact(doc - leaf.docBase);
			return (int) values.longValue();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How well the question's most specific known word can tell topics apart, from 0.5 (a word most
	 * topics use, such as "documents") to 1 (a word at most a quarter of the topics use). A question
	 * that shares only generic words with the knowledge base is never answered with confidence.
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

	/** How much each word of the question counts: rare words more, common words not at all. */
	private double[] questionWeights(WordLists.Terms question) {
		double[] weights = new double[question.size()];
		for (int i = 0; i < question.size(); i++) {
			weights[i] = question.common()[i] ? 0 : this.idf.getOrDefault(question.stems()[i], this.unknownWordWeight);
		}
		return weights;
	}

	/**
	 * The share of the question's weight this phrasing covers, tempered by the share of the phrasing the
	 * question covers: a question that only shares one word with a long phrasing scores low.
	 */
	static double score(WordLists.Terms question, double[] questionWeights, Phrasing phrasing) {
		double questionTotal = 0;
		double questionCovered = 0;
		double[] phrasingCovered = new double[phrasing.words().length];
		for (int i = 0; i < question.size(); i++) {
			if (questionWeights[i] == 0) {
				continue;
			}
			questionTotal += questionWeights[i];
			double bestForWord = 0;
			for (int j = 0; j < phrasing.words().length; j++) {
				if (phrasing.weights()[j] == 0) {
					continue;
				}
				double similarity = similarity(question.words()[i], question.stems()[i], question.groups()[i],
						phrasing.words()[j], phrasing.stems()[j], phrasing.groups()[j]);
				bestForWord = Math.max(bestForWord, similarity);
				phrasingCovered[j] = Math.max(phrasingCovered[j], similarity);
			}
			questionCovered += questionWeights[i] * bestForWord;
		}
		if (questionTotal == 0) {
			return 0;
		}
		double phrasingMatched = 0;
		for (int j = 0; j < phrasingCovered.length; j++) {
			phrasingMatched += phrasing.weights()[j] * phrasingCovered[j];
		}
		double questionCoverage = questionCovered / questionTotal;
		double phrasingCoverage = phrasingMatched / phrasing.weightSum();
		return questionCoverage * (1 - PHRASING_COVERAGE_WEIGHT + PHRASING_COVERAGE_WEIGHT * phrasingCoverage);
	}

	/** How alike two words are: the same word, synonyms, the same stem, one the start of the other, a typo. */
	static double similarity(String word, String stem, int group, String other, String otherStem, int otherGroup) {
		if (word.equals(other)) {
			return 1;
		}
		if (group >= 0 && group == otherGroup) {
			return 0.9;
		}
		int shorter = Math.min(word.length(), other.length());
		if (stem.equals(otherStem) && shorter >= 4) {
			return 0.85;
		}
		if (shorter >= 4 && (word.startsWith(other) || other.startsWith(word))) {
			return 0.85;
		}
		if (shorter >= 4 && Math.abs(word.length() - other.length()) <= 2) {
			int distance = EditDistance.atMostTwo(word, other);
			if (distance == 1) {
				return 0.75;
			}
			if (distance == 2 && shorter >= 7) {
				return 0.6;
			}
		}
		return 0;
	}

	/**
	 * Every word, stem and synonym group a topic's phrasings use, for judging a long question whose words
	 * are spread over several phrasings. Looked up by hash, so it costs a few lookups per word.
	 */
	static final class TopicVocabulary {

		/** A word a topic uses this often counts fully; one it uses once, incidentally, counts half. */
		private static final double CHARACTERISTIC_USES = 2;

		private final Map<String, Integer> words = new HashMap<>();

		final Map<String, Integer> stems = new HashMap<>();

		private final Map<Integer, Integer> groups = new HashMap<>();

		void add(Phrasing phrasing) {
			for (int i = 0; i < phrasing.words().length; i++) {
				if (phrasing.weights()[i] > 0) {
					this.words.merge(phrasing.words()[i], 1, Integer::sum);
					this.stems.merge(phrasing.stems()[i], 1, Integer::sum);
					if (phrasing.groups()[i] >= 0) {
						this.groups.merge(phrasing.groups()[i], 1, Integer::sum);
					}
				}
			}
		}

		/** The share of the question's weight that the topic's words explain, by how characteristic they are. */
		double coverage(WordLists.Terms question, double[] weights) {
			double total = 0;
			double covered = 0;
			for (int i = 0; i < question.size(); i++) {
				if (weights[i] == 0) {
					continue;
				}
				total += weights[i];
				double match = 0;
				Integer uses = this.words.get(question.words()[i]);
				if (uses != null) {
					match = characteristic(uses);
				}
				if (question.groups()[i] >= 0) {
					Integer groupUses = this.groups.get(question.groups()[i]);
					if (groupUses != null) {
						match = Math.max(match, 0.9 * characteristic(groupUses));
					}
				}
				if (question.words()[i].length() >= 4) {
					Integer stemUses = this.stems.get(question.stems()[i]);
					if (stemUses != null) {
						match = Math.max(match, 0.85 * characteristic(stemUses));
					}
				}
				covered += match * weights[i];
			}
			return total == 0 ? 0 : covered / total;
		}

		private static double characteristic(int uses) {
			return Math.min(1, uses / CHARACTERISTIC_USES);
		}

	}

	static List<String> trigrams(String word) {
		String marked = "^" + word + "$";
		List<String> grams = new ArrayList<>(marked.length());
		for (int i = 0; i + 3 <= marked.length(); i++) {
			grams.add(marked.substring(i, i + 3));
		}
		return grams;
	}

	private static String groupKey(int group) {
		return "~" + group;
	}

	@Override
	public String toString() {
		return "TopicIndex[topics=" + this.topicCount + ", phrasings=" + this.phrasings.length + ", terms="
				+ this.idf.size() + "]";
	}

}
