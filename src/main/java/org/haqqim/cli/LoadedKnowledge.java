package org.haqqim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.haqqim.matching.MatchingEngine;

/**
 * The knowledge base and the matcher the bot would serve, built as the bot builds them,
 * for the commands that look at them without starting it. A knowledge base with errors is
 * refused in one line that says how to see them.
 */
final class LoadedKnowledge {

	private LoadedKnowledge() {
	}

	static Optional<KnowledgeBase> load(Settings settings, Clock clock, PrintStream err) {
		Path directory = settings.knowledge().directory();
		KnowledgeLoader.Result result = new KnowledgeLoader(clock).load(directory);
		if (result.knowledge().isEmpty()) {
			err.println("haqqim: the knowledge base in " + directory + " has " + result.report().errors().size()
					+ " error(s); run ./haqqim validate " + directory);
		}
		return result.knowledge();
	}

	static Optional<MatchingEngine> engine(Settings settings, Clock clock, PrintStream err) {
		return load(settings, clock, err).map(knowledge -> MatchingEngine.build(knowledge, settings.matching()));
	}

}
