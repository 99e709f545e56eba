package org.haqqim.matching;

import java.nio.file.Path;
import java.time.Clock;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;

/**
 * What the matcher's tests and benchmarks measure it on, read from the project directory.
 */
final class MatchingFixtures {

	/** Every random choice comes from this seed, so that runs are comparable. */
	static final long SEED = 20240611L;

	static final Path KNOWLEDGE = Path.of("knowledge");

	static final Path EVALUATION_SET = Path.of("src/test/resources/evaluation/messages.jsonl");

	private MatchingFixtures() {
	}

	static KnowledgeBase realKnowledge() {
		return new KnowledgeLoader(Clock.systemUTC()).load(KNOWLEDGE)
			.knowledge()
			.orElseThrow(() -> new IllegalStateException("knowledge/ did not load: run from the project directory"));
	}

}
