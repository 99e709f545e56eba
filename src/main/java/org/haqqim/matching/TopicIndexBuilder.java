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
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.SingleInstanceLockFactory;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Topic;

/**
 * Builds the {@link TopicIndex} from the knowledge base: every phrasing of every topic in
 * every language analysed once, how rare each word is among them, the Lucene index of
 * their stems and trigrams, and what the re-ranking reads of them.
 */
final class TopicIndexBuilder {

	/**
	 * One term per value, with length norms: among the many phrasings that share a word,
	 * BM25 then ranks the short, exact ones first, so that they are among the candidates
	 * the re-ranking sees.
	 */
	private static final FieldType TERM_WITH_LENGTH = termWithLength();

	private TopicIndexBuilder() {
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
		Map<String, Double> idf = inverseDocumentFrequencies(byTopic);
		double[] sorted = idf.values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
		// A word the knowledge base never uses counts like a typical word: lighter
		// weights let a single shared word carry weather and football questions to an
		// answer (measured on the evaluation set).
		double unknownWordWeight = sorted.length == 0 ? 1 : sorted[sorted.length / 2];
		List<Phrasing> phrasings = new ArrayList<>();
		TermTable table = new TermTable();
		// Each file as one byte array: by default a file is many small buffers, and every
		// query clause clones and slices them, which took a fifth of a question's time.
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
			vocabularies.values().forEach(TopicVocabulary::freeze);
			Map<String, Integer> topicsUsing = new HashMap<>();
			vocabularies.values()
				.forEach(vocabulary -> vocabulary.stems().forEach(stem -> topicsUsing.merge(stem, 1, Integer::sum)));
			Reranker reranker = new Reranker(phrasings.toArray(Phrasing[]::new), table.features(), idf,
					unknownWordWeight, byTopic.size(), vocabularies, topicsUsing);
			return new TopicIndex(wordLists, new PhrasingSearch(searcher, TopicIndex.STEMS, TopicIndex.TRIGRAMS),
					reranker, idf, byTopic.size());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The in-memory topic index could not be built", ex);
		}
	}

	/**
	 * How rare each stem and synonym group is among the phrasings: rare words tell the
	 * most.
	 */
	private static Map<String, Double> inverseDocumentFrequencies(Map<String, List<WordLists.Terms>> byTopic) {
		Map<String, Integer> documentFrequency = new HashMap<>();
		int documents = 0;
		for (List<WordLists.Terms> all : byTopic.values()) {
			for (WordLists.Terms terms : all) {
				documents++;
				Set<String> keys = new HashSet<>();
				for (int i = 0; i < terms.size(); i++) {
					keys.add(terms.stems()[i]);
					if (terms.groups()[i] >= 0) {
						keys.add(TopicIndex.groupKey(terms.groups()[i]));
					}
				}
				keys.forEach(key -> documentFrequency.merge(key, 1, Integer::sum));
			}
		}
		Map<String, Double> idf = new HashMap<>();
		int total = documents;
		documentFrequency.forEach((key, df) -> idf.put(key, Math.log(1 + (double) total / df)));
		return idf;
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
			Word word = table.word(phrasing.terms()[i]);
			document.add(new Field(TopicIndex.STEMS, word.stem(), TERM_WITH_LENGTH));
			if (word.group() >= 0) {
				document.add(new Field(TopicIndex.STEMS, TopicIndex.groupKey(word.group()), TERM_WITH_LENGTH));
			}
			for (String gram : TopicIndex.trigrams(word.text())) {
				document.add(new StringField(TopicIndex.TRIGRAMS, gram, Field.Store.NO));
			}
		}
		document.add(new NumericDocValuesField(TopicIndex.ORDINAL, ordinal));
		return document;
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
		NumericDocValues values = leaves.get(0).reader().getNumericDocValues(TopicIndex.ORDINAL);
		for (int doc = 0; doc < documents; doc++) {
			if (!values.advanceExact(doc) || values.longValue() != doc) {
				throw new IllegalStateException("Topic index document " + doc + " is not phrasing " + doc);
			}
		}
	}

	private static FieldType termWithLength() {
		FieldType type = new FieldType();
		type.setTokenized(false);
		type.setOmitNorms(false);
		type.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
		type.freeze();
		return type;
	}

}
