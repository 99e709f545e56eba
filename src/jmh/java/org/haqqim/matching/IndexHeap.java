package org.haqqim.matching;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Lexicon;

/**
 * Measures the heap an index keeps: builds it, lets go of everything else, collects
 * garbage and compares the used heap with the used heap before. A measuring tool, not a
 * test; BENCHMARKS.md says how to run it. Arguments: the numbers of synthetic topics
 * (default 10000), and "real" for the real knowledge base.
 */
public final class IndexHeap {

	private IndexHeap() {
	}

	public static void main(String[] args) throws InterruptedException {
		List<String> sizes = args.length == 0 ? List.of("real", "10000") : List.of(args);
		System.out.printf("JVM max heap %d MB%n", Runtime.getRuntime().maxMemory() >> 20);
		for (String size : sizes) {
			if (size.equals("real")) {
				measureReal();
			}
			else {
				measureSynthetic(Integer.parseInt(size));
			}
		}
	}

	private static void measureReal() throws InterruptedException {
		KnowledgeBase knowledge = MatchingFixtures.realKnowledge();
		long before = usedAfterGc();
		MatchingEngine engine = MatchingEngine.build(knowledge, BoundDefaults.matching());
		long after = usedAfterGc();
		System.out.printf("real knowledge base: %s, engine retains %.1f MB%n", engine, mb(after - before));
		keep(engine);
	}

	private static void measureSynthetic(int topics) throws InterruptedException {
		// What the build reads, the analysed phrasings, for comparison (the index keeps
		// their strings).
		long beforeInput = usedAfterGc();
		Map<String, List<WordLists.Terms>> input = analysedSynthetic(topics);
		long afterInput = usedAfterGc();
		System.out.printf("synthetic, %d topics: the analysed phrasings alone take %.1f MB%n", topics,
				mb(afterInput - beforeInput));
		keep(input);
		input = null;

		long before = usedAfterGc();
		TopicIndex index = buildSynthetic(topics);
		long after = usedAfterGc();
		System.out.printf("synthetic, %d topics: %s, index retains %.1f MB%n", topics, index, mb(after - before));
		printTopOne(topics, index);
		keep(index);
	}

	private static Map<String, List<WordLists.Terms>> analysedSynthetic(int topics) {
		return SyntheticKnowledge.generate(topics, MatchingFixtures.SEED)
			.analyse(new WordLists(Lexicon.empty()));
	}

	/**
	 * Builds in a separate method so that nothing but the index is still reachable when
	 * it returns.
	 */
	private static TopicIndex buildSynthetic(int topics) {
		SyntheticKnowledge base = SyntheticKnowledge.generate(topics,
				MatchingFixtures.SEED);
		WordLists wordLists = new WordLists(Lexicon.empty());
		return TopicIndex.build(wordLists, base.analyse(wordLists));
	}

	/**
	 * How often the benchmark's queries find the topic they were derived from first: the
	 * workload is realistic.
	 */
	private static void printTopOne(int topics, TopicIndex index) {
		List<SyntheticKnowledge.Query> queries = SyntheticKnowledge
			.generate(topics, MatchingFixtures.SEED)
			.queryList(2_000, new Random(MatchingFixtures.SEED + 1));
		int first = 0;
		int candidates = 0;
		for (SyntheticKnowledge.Query query : queries) {
			List<TopicIndex.Candidate> found = index.candidates(index.wordLists().analyse(query.text()));
			candidates += found.size();
			if (!found.isEmpty() && found.get(0).topic().equals(query.topic())) {
				first++;
			}
		}
		System.out.printf(
				"synthetic, %d topics: source topic first for %.1f%% of %d queries, %.1f candidate topics on average%n",
				topics, 100.0 * first / queries.size(), queries.size(), (double) candidates / queries.size());
	}

	private static long usedAfterGc() throws InterruptedException {
		Runtime runtime = Runtime.getRuntime();
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			System.gc();
			Thread.sleep(100);
			used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
		}
		return used;
	}

	private static double mb(long bytes) {
		return bytes / (1024.0 * 1024.0);
	}

	/**
	 * Keeps an object reachable up to this point, so that the collector cannot free it
	 * early.
	 */
	private static void keep(Object object) {
		if (object.hashCode() == System.nanoTime()) {
			System.out.println(object);
		}
	}

}
