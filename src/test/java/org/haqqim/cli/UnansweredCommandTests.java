package org.haqqim.cli;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./haqqim unanswered}: what people asked that the bot could not answer, grouped,
 * read from the database the bot keeps them in.
 */
class UnansweredCommandTests {

	@TempDir
	Path temporary;

	@Test
	void anEmptyDatabaseHasNothingToShow() {
		CommandLineRun.Result result = CommandLineRun.run(environment(), "", "unanswered");
		assertThat(result.exit()).isZero();
		assertThat(result.out()).isEqualTo("No unanswered questions are kept.\n");
	}

	@Test
	void unansweredQuestionsAreGroupedLargestFirstAndAnswersRatedNotHelpfulFollow() {
		CommandLineRun.run(environment(), """
				кто выиграл футбольный матч вчера
				кто выиграл матч вчера вечером
				patent
				/start
				1
				1
				patent qancha turadi
				7
				""", "console");
		CommandLineRun.Result result = CommandLineRun.run(environment(), "", "unanswered");
		assertThat(result.exit()).isZero();
		assertThat(result.outLines()).first().isEqualTo("   2× [ru] кто выиграл футбольный матч вчера");
		assertThat(result.outLines()).contains("        кто выиграл матч вчера вечером", "   1× [en] patent")
			.anySatisfy(line -> assertThat(line).startsWith("      nearest topic: "));
		assertThat(result.outLines()).containsSubsequence("Answers people said did not help:",
				"   1× 👎    0× 👍  patent [ru]");
	}

	private Map<String, String> environment() {
		return Map.of("KNOWLEDGE_DIR", "knowledge", "DATABASE_URL",
				"jdbc:sqlite:" + this.temporary.resolve("haqqim.db"));
	}

}
