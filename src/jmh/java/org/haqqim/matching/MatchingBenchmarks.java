package org.haqqim.matching;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Lexicon;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the matcher: matching and building on the real knowledge base, and on
 * synthetic bases of 100, 1,000 and 10,000 topics to show how the cost grows. Not a test:
 * run it with JMH from the project directory (so that {@code knowledge/} resolves), as
 * BENCHMARKS.md describes.
 */
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class MatchingBenchmarks {

	// --- real knowledge base

	/**
	 * The real knowledge base, its engine, and the evaluation set's messages as queries.
	 */
	@State(Scope.Thread)
	public static class RealKnowledge {

		KnowledgeBase knowledge;

		MatchingEngine engine;

		String[] texts;

		int next;

		@Setup(Level.Trial)
		public void setUp() {
			this.knowledge = MatchingFixtures.realKnowledge();
			this.engine = MatchingEngine.build(this.knowledge, BoundDefaults.matching());
			this.texts = Evaluation.read(MatchingFixtures.EVALUATION_SET).stream().map(Evaluation.Sample::text).toArray(String[]::new);
			if (this.texts.length == 0) {
				throw new IllegalStateException("The evaluation set is empty");
			}
		}

		String nextText() {
			String text = this.texts[this.next];
			this.next = (this.next + 1) % this.texts.length;
			return text;
		}

	}

	/**
	 * One message of the evaluation set, a different one each call: analysis, language,
	 * candidates, urgency.
	 */
	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 3)
	public MatchResult matchRealKnowledge(RealKnowledge state) {
		return state.engine.match(Question.of(state.nextText()));
	}

	/** Everything a reload builds: topic index, language detector, urgency detector. */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 10)
	@Measurement(iterations = 30)
	public MatchingEngine buildRealIndex(RealKnowledge state) {
		return MatchingEngine.build(state.knowledge, BoundDefaults.matching());
	}

	/**
	 * The topic index alone (analysis of every phrasing included), to split the build's
	 * cost.
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 10)
	@Measurement(iterations = 30)
	public TopicIndex buildRealTopicIndex(RealKnowledge state) {
		return TopicIndex.build(state.knowledge);
	}

	// --- synthetic knowledge bases

	/**
	 * A synthetic base of {@code topics} topics, its index, and queries derived from its
	 * phrasings.
	 */
	@State(Scope.Thread)
	public static class Synthetic {

		@Param({ "100", "1000", "10000" })
		public int topics;

		SyntheticKnowledge base;

		WordLists wordLists;

		Map<String, List<WordLists.Terms>> byTopic;

		TopicIndex index;

		String[] queries;

		int next;

		@Setup(Level.Trial)
		public void setUp() {
			this.base = SyntheticKnowledge.generate(this.topics, MatchingFixtures.SEED);
			this.wordLists = new WordLists(Lexicon.empty());
			this.byTopic = this.base.analyse(this.wordLists);
			this.index = TopicIndex.build(this.wordLists, this.byTopic);
			this.queries = this.base.queries(2_000, new Random(MatchingFixtures.SEED + 1));
		}

		String nextQuery() {
			String query = this.queries[this.next];
			this.next = (this.next + 1) % this.queries.length;
			return query;
		}

	}

	/**
	 * A query like a phrasing of a random topic with a word or two replaced or mistyped.
	 */
	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	@Warmup(iterations = 3, time = 2)
	@Measurement(iterations = 5, time = 3)
	public List<TopicIndex.Candidate> matchSynthetic(Synthetic state) {
		return state.index.candidates(state.wordLists.analyse(state.nextQuery()));
	}

	/**
	 * Building the index from analysed phrasings (the analysis itself is done in set-up).
	 */
	@Benchmark
	@BenchmarkMode(Mode.SingleShotTime)
	@OutputTimeUnit(TimeUnit.MILLISECONDS)
	@Warmup(iterations = 3)
	@Measurement(iterations = 8)
	public TopicIndex buildSynthetic(Synthetic state) {
		return TopicIndex.build(state.wordLists, state.byTopic);
	}

}
