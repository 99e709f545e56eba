package org.haqqim.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

/**
 * Finds the phrasings that best match a question's terms in the topic index, scored by
 * Lucene with the searcher's similarity (BM25): best first, an equal score going to the
 * earlier phrasing.
 * <p>
 * Two ways give the same phrasings. A question is a handful of terms over a few thousand
 * phrasings, and for that Lucene's Boolean query spends most of its time setting up a
 * scorer per term and moving between them document by document; adding each term's
 * postings into an array of scores takes a fraction of the time (measured,
 * BENCHMARKS.md). On a large index, where a question's terms have long postings, Lucene's
 * Boolean query is faster, because it skips the phrasings that can no longer reach the
 * best (MaxScore), so it is used there. Every term of the index is resolved once, so
 * neither way reads the terms dictionary.
 */
final class PhrasingSearch {

	/**
	 * Term by term, each question allocates a score for every phrasing. G1 allocates an
	 * array of half a region or more outside the young generation, which made larger
	 * arrays slow (measured at 200,000 phrasings: a median four times longer).
	 */
	static final int TERM_AT_A_TIME_MAX_PHRASINGS = 1 << 16;

	/**
	 * Past this many postings, skipping (Lucene's Boolean query) is quicker than adding
	 * them all.
	 */
	static final long TERM_AT_A_TIME_MAX_POSTINGS = 20_000;

	private final IndexSearcher searcher;

	/** The index's one segment, or null when it holds no phrasing. */
	private final LeafReaderContext segment;

	private final Map<String, Field> fields = new HashMap<>();

	/**
	 * Scorers by what they depend on: a term's score depends on the term only through its
	 * statistics, and many terms share them, so a scorer is made once for them all
	 * instead of once per question.
	 */
	private final Map<ScorerKey, Similarity.SimScorer> scorers = new ConcurrentHashMap<>();

	/**
	 * A field of the index: its terms, resolved and as Lucene's terms dictionary (looked
	 * up once, not per question), its statistics and, when questions are scored term by
	 * term, each phrasing's length norm (what Lucene's leaf scorer reads; 1 where the
	 * field keeps none).
	 */
	private record Field(int number, String name, Map<String, Resolved> terms, Terms dictionary,
			CollectionStatistics statistics, long[] norms) {
	}

	/** A term of the index with where its postings start and its statistics. */
	private record Resolved(BytesRef bytes, TermState state, TermStatistics statistics) {
	}

	private record Clause(Field field, Resolved term, float boost) {
	}

	private record ScorerKey(String field, float boost, long documentFrequency, long totalTermFrequency) {
	}

	PhrasingSearch(IndexSearcher searcher, String... fields) throws IOException {
		List<LeafReaderContext> segments = searcher.getIndexReader().leaves();
		if (segments.size() > 1) {
			throw new IllegalStateException("The topic index must be one segment but has " + segments.size());
		}
		this.searcher = searcher;
		this.segment = segments.isEmpty() ? null : segments.get(0);
		for (String field : fields) {
			Terms dictionary = this.segment == null ? null : this.segment.reader().terms(field);
			this.fields.put(field, new Field(this.fields.size(), field, resolve(field, dictionary), dictionary,
					searcher.collectionStatistics(field), norms(field)));
		}
	}

	private Map<String, Resolved> resolve(String field, Terms terms) throws IOException {
		Map<String, Resolved> resolved = new HashMap<>();
		if (terms == null) {
			return resolved;
		}
		TermsEnum iterator = terms.iterator();
		for (BytesRef term = iterator.next(); term != null; term = iterator.next()) {
			BytesRef bytes = BytesRef.deepCopyOf(term);
			TermStatistics statistics = this.searcher.termStatistics(new Term(field, bytes), iterator.docFreq(),
					iterator.totalTermFreq());
			resolved.put(bytes.utf8ToString(), new Resolved(bytes, iterator.termState(), statistics));
		}
		return resolved;
	}

	private long[] norms(String field) throws IOException {
		if (this.segment == null || this.segment.reader().maxDoc() > TERM_AT_A_TIME_MAX_PHRASINGS) {
			return null;
		}
		long[] norms = new long[this.segment.reader().maxDoc()];
		NumericDocValues values = this.segment.reader().getNormValues(field);
		for (int doc = 0; doc < norms.length; doc++) {
			norms[doc] = values == null ? 1 : values.advanceExact(doc) ? values.longValue() : 0;
		}
		return norms;
	}

	/** How many phrasings hold the term: 0 when none does. */
	int documentFrequency(String field, String value) {
		Resolved term = this.fields.get(field).terms().get(value);
		return term == null ? 0 : (int) term.statistics().docFreq();
	}

	/** A new search, to which a question's terms are added one by one. */
	Search search() {
		return new Search();
	}

	/** The terms of one question; not shared between threads. */
	final class Search {

		private final List<Clause> clauses = new ArrayList<>();

		/**
		 * Adds a term, weighed by {@code boost}; one the index does not hold could match
		 * nothing and is left out.
		 */
		void add(String field, String value, float boost) {
			Field indexed = PhrasingSearch.this.fields.get(field);
			Resolved term = indexed.terms().get(value);
			if (term != null) {
				this.clauses.add(new Clause(indexed, term, boost));
			}
		}

		boolean isEmpty() {
			return this.clauses.isEmpty();
		}

		/** The numbers of the {@code count} best-scoring phrasings, best first. */
		int[] best(int count) {
			if (this.clauses.isEmpty() || PhrasingSearch.this.segment == null) {
				return new int[0];
			}
			long postings = 0;
			for (Clause clause : this.clauses) {
				postings += clause.term().statistics().docFreq();
			}
			boolean small = PhrasingSearch.this.segment.reader().maxDoc() <= TERM_AT_A_TIME_MAX_PHRASINGS
					&& postings <= TERM_AT_A_TIME_MAX_POSTINGS;
			return small ? termAtATime(count) : skipping(count);
		}

		/** The best phrasings, adding up each term's postings in an array of scores. */
		int[] termAtATime(int count) {
			try {
				return top(scores(), count);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The in-memory topic index could not be searched", ex);
			}
		}

		/**
		 * The best phrasings, by Lucene's Boolean query, which skips phrasings that
		 * cannot make the best.
		 */
		int[] skipping(int count) {
			try {
				return booleanQuery(count);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("The in-memory topic index could not be searched", ex);
			}
		}

		private int[] booleanQuery(int count) throws IOException {
			BooleanQuery.Builder query = new BooleanQuery.Builder();
			for (Clause clause : this.clauses) {
				TermStates states = new TermStates(PhrasingSearch.this.searcher.getTopReaderContext(),
						clause.term().state(), PhrasingSearch.this.segment.ord,
						(int) clause.term().statistics().docFreq(), clause.term().statistics().totalTermFreq());
				Query term = new TermQuery(new Term(clause.field().name(), clause.term().bytes()), states);
				query.add(clause.boost() == 1 ? term : new BoostQuery(term, clause.boost()),
						BooleanClause.Occur.SHOULD);
			}
			ScoreDoc[] hits = PhrasingSearch.this.searcher.search(query.build(),
					new TopScoreDocCollectorManager(count, null, count, false)).scoreDocs;
			int[] best = new int[hits.length];
			for (int i = 0; i < hits.length; i++) {
				best[i] = hits[i].doc;
			}
			return best;
		}

		private Scores scores() throws IOException {
			Scores scores = new Scores(PhrasingSearch.this.segment.reader().maxDoc());
			TermsEnum[] enums = new TermsEnum[PhrasingSearch.this.fields.size()];
			PostingsEnum[] reused = new PostingsEnum[enums.length];
			for (Clause clause : this.clauses) {
				int field = clause.field().number();
				if (enums[field] == null) {
					enums[field] = clause.field().dictionary().iterator();
				}
				enums[field].seekExact(clause.term().bytes(), clause.term().state());
				PostingsEnum postings = enums[field].postings(reused[field], PostingsEnum.FREQS);
				reused[field] = postings;
				Similarity.SimScorer scorer = scorer(clause);
				long[] norms = clause.field().norms();
				for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
					scores.add(doc, scorer.score(postings.freq(), norms[doc]));
				}
			}
			return scores;
		}

		private Similarity.SimScorer scorer(Clause clause) {
			TermStatistics statistics = clause.term().statistics();
			ScorerKey key = new ScorerKey(clause.field().name(), clause.boost(), statistics.docFreq(),
					statistics.totalTermFreq());
			return PhrasingSearch.this.scorers.computeIfAbsent(key,
					known -> PhrasingSearch.this.searcher.getSimilarity()
						.scorer(clause.boost(), clause.field().statistics(), statistics));
		}

	}

	/** A score per phrasing, and which phrasings have one. */
	private static final class Scores {

		private final float[] byDocument;

		private int[] touched = new int[64];

		private int touchedCount;

		Scores(int documents) {
			this.byDocument = new float[documents];
		}

		/**
		 * Scores are positive, so a phrasing with none yet is one seen for the first
		 * time.
		 */
		void add(int doc, float score) {
			if (this.byDocument[doc] == 0) {
				if (this.touchedCount == this.touched.length) {
					this.touched = Arrays.copyOf(this.touched, this.touched.length * 2);
				}
				this.touched[this.touchedCount++] = doc;
			}
			this.byDocument[doc] += score;
		}

	}

	/**
	 * The best phrasings through a min-heap of {@code count} keys. A key holds the
	 * score's bits above the document's number turned around, so a greater key is a
	 * better score or, at an equal score, an earlier phrasing (positive floats order as
	 * their bits do).
	 */
	private static int[] top(Scores scores, int count) {
		long[] heap = new long[Math.min(count, scores.touchedCount)];
		int size = 0;
		for (int i = 0; i < scores.touchedCount; i++) {
			int doc = scores.touched[i];
			long key = ((long) Float.floatToIntBits(scores.byDocument[doc]) << 32) | (Integer.MAX_VALUE - doc);
			if (size < heap.length) {
				heap[size] = key;
				siftUp(heap, size++);
			}
			else if (key > heap[0]) {
				heap[0] = key;
				siftDown(heap, size);
			}
		}
		Arrays.sort(heap);
		int[] best = new int[heap.length];
		for (int i = 0; i < heap.length; i++) {
			best[i] = Integer.MAX_VALUE - (int) heap[heap.length - 1 - i];
		}
		return best;
	}

	private static void siftUp(long[] heap, int index) {
		long key = heap[index];
		while (index > 0 && heap[(index - 1) / 2] > key) {
			heap[index] = heap[(index - 1) / 2];
			index = (index - 1) / 2;
		}
		heap[index] = key;
	}

	private static void siftDown(long[] heap, int size) {
		long key = heap[0];
		int index = 0;
		while (2 * index + 1 < size) {
			int child = 2 * index + 1;
			if (child + 1 < size && heap[child + 1] < heap[child]) {
				child++;
			}
			if (heap[child] >= key) {
				break;
			}
			heap[index] = heap[child];
			index = child;
		}
		heap[index] = key;
	}

}
