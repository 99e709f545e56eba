package org.haqqim.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Topic;

/**
 * The topics' phrasings (titles, example questions, keywords, in every language) in an
 * in-memory Lucene index. Lucene finds the candidates; each is then re-ranked by how much
 * of the question it covers and how much of itself the question covers, weighted by how
 * rare each word is, comparing whole words, stems, synonyms and near misses. That score
 * is the confidence: it lies in [0,1] and means the same for every question, which a raw
 * BM25 score does not.
 */
final class TopicIndex {

	private static final int CANDIDATE_PHRASINGS = 40;

	/**
	 * A question's most telling words weigh as much as this many words of typical rarity:
	 * the reach of a topic is the share of that weight it covers, so a long story is
	 * judged by the words it turns on.
	 */
	private static final double TELLING_WORDS = 4;

	private static final int TRIGRAMS_PER_UNKNOWN_WORD = 4;

	/**
	 * One term per value, with length norms: among the many phrasings that share a word,
	 * BM25 then ranks the short, exact ones first, so that they are among the candidates
	 * the re-ranking sees.
	 */
	private static final FieldType TERM_WITH_LENGTH = termWithLength();

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

	private final WordLists wordLists;

	private final PhrasingSearch search;

	private final Phrasing[] phrasings;

	/** Every distinct term of the phrasings, once: phrasings refer to them by number. */
	private final Features features;

	private final Map<String, Double> idf;

	private final double unknownWordWeight;

	private final int topicCount;

	private final Map<String, TopicVocabulary> vocabularies;

	/**
	 * For each stem, how many topics use it: a word most topics use cannot decide between
	 * them.
	 */
	private final Map<String, Integer> topicsUsing;

	/**
	 * One way of asking about a topic, analysed once when the index is built: its terms
	 * by number in the term table.
	 */
	record Phrasing(String topic, int[] terms, double[] weights, double weightSum) {
	}

	/**
	 * The distinct terms (a word with its stem and synonym group) of all phrasings. Many
	 * phrasings share their words, so each is kept once, and the re-ranking compares a
	 * question's word with each term once. Words and stems are numbered too, so that
	 * comparing them is comparing numbers.
	 */
	static final class TermTable {

		private final Map<String, Integer> numbers = new HashMap<>();

		private final Map<String, Integer> textNumbers = new HashMap<>();

		private final Map<String, Integer> stemNumbers = new HashMap<>();

		private final List<Word> words = new ArrayList<>();

		int number(String word, String stem, int group) {
			return this.numbers.computeIfAbsent(word + ' ' + group, key -> {
				int text = this.textNumbers.computeIfAbsent(word, known -> this.textNumbers.size());
				int stemNumber = this.stemNumbers.computeIfAbsent(stem, known -> this.stemNumbers.size());
				this.words.add(new Word(word, stem, group, text, stemNumber));
				return this.words.size() - 1;
			});
		}

		Word word(int term) {
			return this.words.get(term);
		}

		int size() {
			return this.words.size();
		}

		/** What the re-ranking reads of every term, in arrays by term number. */
		Features features() {
			int size = this.words.size();
			Features features = new Features(this.textNumbers, this.stemNumbers, new String[size], new int[size],
					new int[size], new int[size], new int[size], new long[size], new long[size]);
			for (int term = 0; term < size; term++) {
				Word word = this.words.get(term);
				features.texts[term] = word.text();
				features.textNumbers[term] = word.textNumber();
				features.stemNumbers[term] = word.stemNumber();
				features.groups[term] = word.group();
				features.lengths[term] = word.length();
				features.starts[term] = word.start();
				features.letters[term] = word.letters();
			}
			return features;
		}

	}

	/**
	 * The terms as the re-ranking reads them, one array per property: a question's
	 * candidates touch a few hundred terms scattered over the table, and arrays of
	 * numbers keep them in a few cache lines where objects would each take their own
	 * (measured: comparing words took a fifth of a question's time). With the numbers of
	 * texts and stems, so that a question's words are numbered the same way; the rest of
	 * the term table is only needed while building.
	 */
	record Features(Map<String, Integer> numberOfText, Map<String, Integer> numberOfStem, String[] texts,
			int[] textNumbers, int[] stemNumbers, int[] groups, int[] lengths, long[] starts, long[] letters) {

		/**
		 * A question's word, numbered like the terms when the index holds its text or
		 * stem, -1 otherwise.
		 */
		Word questionWord(String word, String stem, int group) {
			return new Word(word, stem, group, this.numberOfText.getOrDefault(word, -1),
					this.numberOfStem.getOrDefault(stem, -1));
		}

		/**
		 * Words this long are told apart from two typos; shorter ones, from one (two
		 * would join unrelated words).
		 */
		static final int TWO_TYPOS_LENGTH = 7;

		int size() {
			return this.texts.length;
		}

		/**
		 * A typo: one edit, or two in words of {@value #TWO_TYPOS_LENGTH} letters or
		 * more. The two texts differ here (the same text is the same word), so a distance
		 * of at most one is exactly one.
		 */
		private double typo(Word word, int term, int shorter) {
			int edits = shorter >= TWO_TYPOS_LENGTH ? 2 : 1;
			if (Math.abs(word.length() - this.lengths[term]) > edits
					|| !EditDistance.mayBeWithin(word.letters(), this.letters[term], edits)
					|| !EditDistance.isWithin(word.text(), this.texts[term], edits)) {
				return 0;
			}
			return edits == 1 || EditDistance.isWithin(word.text(), this.texts[term], 1) ? 0.75 : 0.6;
		}

		/**
		 * How alike a question's word and a term are: the same word, synonyms, the same
		 * stem, one the start of the other, a typo. A word of five letters or more that
		 * starts another has the same stem, so only a word of four letters needs its
		 * letters compared for that.
		 */
		double similarity(Word word, int term) {
			if (word.textNumber() >= 0 && word.textNumber() == this.textNumbers[term]) {
				return 1;
			}
			if (word.group() >= 0 && word.group() == this.groups[term]) {
				return 0.9;
			}
			int length = this.lengths[term];
			int shorter = Math.min(word.length(), length);
			if (shorter < 4) {
				return 0;
			}
			if (word.stemNumber() >= 0 && word.stemNumber() == this.stemNumbers[term]) {
				return 0.85;
			}
			if (shorter == 4 && word.start() == this.starts[term]) {
				return 0.85;
			}
			return typo(word, term, shorter);
		}

	}

	/**
	 * A word as the re-ranking compares it: with its stem, its synonym group (or -1), the
	 * numbers of its text and stem in the term table (or -1), and its length and a
	 * fingerprint of its letters for ruling out typos cheaply. Most pairs the re-ranking
	 * compares are unrelated, and this tells most of them apart without reading the
	 * letters.
	 */
	record Word(String text, String stem, int group, int textNumber, int stemNumber, int length, long start,
			long letters) {

		Word(String text, String stem, int group, int textNumber, int stemNumber) {
			this(text, stem, group, textNumber, stemNumber, text.length(), start(text), EditDistance.letters(text));
		}

		/**
		 * The first four letters in one number: a word of four letters starts another
		 * when the two are equal.
		 */
		private static long start(String text) {
			long start = 0;
			for (int i = 0; i < Math.min(4, text.length()); i++) {
				start = start << 16 | text.charAt(i);
			}
			return start;
		}

	}

	/**
	 * A topic and how well the question matched it: {@code score} judges the whole
	 * question, {@code reach} only its most telling words, so that a long story whose
	 * question takes up a few of its words still reaches the topics it is about.
	 */
	record Candidate(String topic, double score, double reach) {
	}

	private TopicIndex(WordLists wordLists, IndexSearcher searcher, Phrasing[] phrasings, TermTable terms,
			Map<String, Double> idf, double unknownWordWeight, int topicCount,
			Map<String, TopicVocabulary> vocabularies, Map<String, Integer> topicsUsing) throws IOException {
		this.wordLists = wordLists;
		this.search = new PhrasingSearch(searcher, "s", "g");
		this.phrasings = phrasings;
		this.features = terms.features();
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
		// A word the knowledge base never uses counts like a typical word: lighter
		// weights let a single
		// shared word carry weather and football questions to an answer (measured on the
		// evaluation set).
		double unknownWordWeight = sorted.length == 0 ? 1 : sorted[sorted.length / 2];

		List<Phrasing> phrasings = new ArrayList<>();
		TermTable table = new TermTable();
		// Each file as one byte array: by default a file is many small buffers, and every
		// query clause clones
		// and slices them, which took a fifth of a question's time.
		ByteBuffersDirectory directory = new ByteBuffersDirectory(new SingleInstanceLockFactory(),
				ByteBuffersDataOutput::new, ByteBuffersDirectory.OUTPUT_AS_BYTE_ARRAY);
		try (IndexWriter writer = new IndexWriter(directory,
				new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.CREATE))) {
			for (Map.Entry<String, List<WordLists.Terms>> topic : byTopic.entrySet()) {
				for (WordLists.Terms terms : topic.getValue()) {
					Phrasing phrasing = phrasing(topic.getKey(), terms, idf, table);
					if (phrasing.weightSum() <= 0) {
						continue;
					}
					writer.addDocument(document(phrasing, table, phrasings.size()));
					phrasings.add(phrasing);
				}
			}
			writer.forceMerge(1);
			writer.commit();
			IndexSearcher searcher = new IndexSearcher(DirectoryReader.open(directory));
			searcher.setQueryCache(null);
			checkDocumentOrder(searcher, phrasings.size());
			Map<String, TopicVocabulary> vocabularies = new HashMap<>();
			for (Phrasing phrasing : phrasings) {
				vocabularies.computeIfAbsent(phrasing.topic(), topic -> new TopicVocabulary()).add(phrasing, table);
			}
			Map<String, Integer> topicsUsing = new HashMap<>();
			vocabularies.values()
				.forEach(vocabulary -> vocabulary.stems.keySet()
					.forEach(stem -> topicsUsing.merge(stem, 1, Integer::sum)));
			return new TopicIndex(wordLists, searcher, phrasings.toArray(Phrasing[]::new), table, idf,
					unknownWordWeight, byTopic.size(), vocabularies, topicsUsing);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The in-memory topic index could not be built", ex);
		}
	}

	private static Phrasing phrasing(String topic, WordLists.Terms terms, Map<String, Double> idf, TermTable table) {
		int[] numbers = new int[terms.size()];
		double[] weights = new double[terms.size()];
		double sum = 0;
		for (int i = 0; i < terms.size(); i++) {
			numbers[i] = table.number(terms.words()[i], terms.stems()[i], terms.groups()[i]);
			weights[i] = terms.common()[i] ? 0 : idf.getOrDefault(terms.stems()[i], 0.0);
			sum += weights[i];
		}
		return new Phrasing(topic, numbers, weights, sum);
	}

	private static Document document(Phrasing phrasing, TermTable table, int ordinal) {
		Document document = new Document();
		for (int i = 0; i < phrasing.terms().length; i++) {
			if (phrasing.weights()[i] == 0) {
				continue;
			}
			int term = phrasing.terms()[i];
			Word word = table.word(term);
			document.add(new Field("s", word.stem(), TERM_WITH_LENGTH));
			if (word.group() >= 0) {
				document.add(new Field("s", groupKey(word.group()), TERM_WITH_LENGTH));
			}
			for (String gram : trigrams(word.text())) {
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
		PhrasingSearch.Search search = searchFor(question);
		if (search.isEmpty()) {
			return List.of();
		}
		int[] hits = search.best(CANDIDATE_PHRASINGS);
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
		List<Candidate> candidates = new ArrayList<>(best.size());
		best.forEach((topic, score) -> {
			double covered = this.vocabularies.get(topic).covered(question, questionWeights);
			double blended = blend(score[0], weight.share(covered));
			double reach = blend(score[1], weight.tellingShare(covered));
			candidates.add(new Candidate(topic, blended * specificity, reach * specificity));
		});
		candidates.sort((a, b) -> Double.compare(b.score(), a.score()));
		return candidates;
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
				search.add("s", stem, 1);
			}
			else {
				for (String gram : rarestTrigrams(question.words()[i])) {
					search.add("g", gram, 0.3f);
				}
			}
			if (question.groups()[i] >= 0) {
				search.add("s", groupKey(question.groups()[i]), 1);
			}
		}
		return search;
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
	 * The trigrams of an unknown word that the fewest phrasings share. Rare trigrams are
	 * the ones that point at the word meant, and a trigram most phrasings share only
	 * costs time to search.
	 */
	private List<String> rarestTrigrams(String word) {
		List<Trigram> known = new ArrayList<>();
		for (String gram : trigrams(word)) {
			int phrasings = this.search.documentFrequency("g", gram);
			if (phrasings > 0) {
				known.add(new Trigram(gram, phrasings));
			}
		}
		known.sort(Comparator.comparingInt(Trigram::phrasings));
		return known.stream().limit(TRIGRAMS_PER_UNKNOWN_WORD).map(Trigram::text).toList();
	}

	private record Trigram(String text, int phrasings) {
	}

	/**
	 * The index is written by one thread and merged into one segment, so a hit's document
	 * id is the number of its phrasing and no lookup is needed per hit. The build checks
	 * the numbering here; the phrasing search refuses more than one segment.
	 */
	private static void checkDocumentOrder(IndexSearcher searcher, int documents) throws IOException {
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		if (leaves.isEmpty()) {
			return;
		}
		NumericDocValues values = leaves.get(0).reader().getNumericDocValues("i");
		for (int doc = 0; doc < documents; doc++) {
			if (!values.advanceExact(doc) || values.longValue() != doc) {
				throw new IllegalStateException("Topic index document " + doc + " is not phrasing " + doc);
			}
		}
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
				this.question[i] = TopicIndex.this.features.questionWord(question.words()[i], question.stems()[i],
						question.groups()[i]);
			}
			this.questionWeights = questionWeights;
			this.byTerm = new double[TopicIndex.this.features.size()][];
		}

		double[] to(int term) {
			double[] known = this.byTerm[term];
			if (known != null) {
				return known;
			}
			double[] values = new double[this.question.length];
			for (int i = 0; i < values.length; i++) {
				if (this.questionWeights[i] > 0) {
					values[i] = TopicIndex.this.features.similarity(this.question[i], term);
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

	/**
	 * Every word, stem and synonym group a topic's phrasings use, for judging a long
	 * question whose words are spread over several phrasings. Looked up by hash, so it
	 * costs a few lookups per word.
	 */
	static final class TopicVocabulary {

		/**
		 * A word a topic uses this often counts fully; one it uses once, incidentally,
		 * counts half.
		 */
		private static final double CHARACTERISTIC_USES = 2;

		private final Map<String, Integer> words = new HashMap<>();

		final Map<String, Integer> stems = new HashMap<>();

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

		/**
		 * How much of the question's weight the topic's words explain, by how
		 * characteristic they are.
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
			return covered;
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
