package org.haqqim.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Topic;

/**
 * Plain Lucene, for comparison only: the same phrasings, the standard analyzer, BM25, the
 * topic of the best hit. It shows what the folding, stemming, synonyms and re-ranking
 * add.
 */
final class Bm25Baseline {

	private final IndexSearcher searcher;

	private final StandardAnalyzer analyzer = new StandardAnalyzer();

	Bm25Baseline(KnowledgeBase knowledge) {
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(this.analyzer))) {
			for (Topic topic : knowledge.topics()) {
				for (Topic.Text text : topic.texts().values()) {
					for (String phrasing : text.phrasings()) {
						Document document = new Document();
						document.add(new TextField("text", phrasing, Field.Store.NO));
						document.add(new StoredField("topic", topic.id()));
						writer.addDocument(document);
					}
				}
			}
			writer.commit();
			this.searcher = new IndexSearcher(DirectoryReader.open(directory));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Up to three topics, best first; empty when no word of the question is in any
	 * phrasing.
	 */
	List<String> rank(String text) {
		try {
			String escaped = QueryParser.escape(text.isBlank() ? "" : text);
			if (escaped.isBlank()) {
				return List.of();
			}
			QueryParser parser = new QueryParser("text", this.analyzer);
			ScoreDoc[] hits = this.searcher.search(parser.parse(escaped), 30).scoreDocs;
			Set<String> topics = new LinkedHashSet<>();
			for (ScoreDoc hit : hits) {
				topics.add(this.searcher.storedFields().document(hit.doc).get("topic"));
				if (topics.size() == 3) {
					break;
				}
			}
			return List.copyOf(topics);
		}
		catch (ParseException ex) {
			return List.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
