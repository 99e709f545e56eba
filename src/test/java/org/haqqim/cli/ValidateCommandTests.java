package org.haqqim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haqqim.knowledge.KnowledgeDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./haqqim validate [DIR] [--json]}, the maintainers' check: it prints the report
 * the bot would act on, and exits 0 only without errors (the contract in DESIGN.md).
 */
class ValidateCommandTests {

	private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

	private static final Path FIXTURES = Path.of("src/test/resources/org/haqqim/knowledge");

	@TempDir
	Path temporary;

	@Test
	void aValidDirectoryExitsZeroWithTheValidatorsReport() throws IOException {
		CommandLineRun.Result result = CommandLineRun.run(Map.of(), "", TODAY, "validate",
				FIXTURES.resolve("valid").toString());
		assertThat(result.exit()).isZero();
		assertThat(result.out()).startsWith(Files.readString(FIXTURES.resolve("reports/valid.txt")))
			.contains("Topics: sources (first-hand + read through research, site address only), facts that expire"
					+ " within 60 days, translations")
			.containsPattern(
					"\\n  registration +1\\+0 \\(0\\)  no fact expires  uz:draft uz-Cyrl:draft ru:reviewed ky:draft"
							+ " tg:draft en:reviewed\\n");
	}

	@Test
	void theDeadlinesOfMyDatesAreListedWithWhetherTheyGetADate() {
		CommandLineRun.Result result = CommandLineRun.run(Map.of(), "", TODAY, "validate", "knowledge");
		assertThat(result.exit()).isZero();
		assertThat(result.out()).contains("Deadlines (My dates)")
			.containsPattern("\\n  patent-payment +patent-paid-until +TJ,UZ +dated +0\\+1  ")
			.containsPattern("\\n  registration +entry +OTHER +needs \\d{4} holidays ")
			.containsPattern("\\n  registration-end +registration-until .* ask the consulate ");
	}

	@Test
	void aTopicShowingAFactThatExpiresSoonIsNamedWithTheDate() throws IOException {
		Path knowledge = this.temporary.resolve("knowledge");
		KnowledgeDirectories.copy(FIXTURES.resolve("valid"), knowledge);
		KnowledgeDirectories.copy(FIXTURES.resolve("scenarios/fact-with-a-date"), knowledge);
		Path topic = knowledge.resolve("topics/registration.yaml");
		Files.writeString(topic, Files.readString(topic).replace("Register within {deadline}.", "Pay {price}."));
		CommandLineRun.Result result = CommandLineRun.run(Map.of(), "", TODAY, "validate", knowledge.toString());
		assertThat(result.exit()).isZero();
		assertThat(result.out()).containsPattern("\\n  registration +1\\+0 \\(0\\)  price until 2026-12-31  ");
	}

	@Test
	void aBrokenDirectoryExitsOneAndNamesTheFileAndTheLine() throws IOException {
		Path broken = this.temporary.resolve("knowledge");
		KnowledgeDirectories.copy(FIXTURES.resolve("valid"), broken);
		KnowledgeDirectories.copy(FIXTURES.resolve("scenarios/malformed-yaml"), broken);
		CommandLineRun.Result result = CommandLineRun.run(Map.of(), "", TODAY, "validate", broken.toString());
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).isEqualTo(Files.readString(FIXTURES.resolve("reports/malformed-yaml.txt")));
	}

	@Test
	void jsonIsForToolsAndCountsWhatTheTextShows() throws IOException {
		CommandLineRun.Result result = CommandLineRun.run(Map.of(), "", TODAY, "validate", "--json",
				FIXTURES.resolve("valid").toString());
		JsonNode report = new ObjectMapper().readTree(result.out());
		assertThat(result.exit()).isZero();
		assertThat(report.path("errors").asInt()).isZero();
		assertThat(report.path("warnings").asInt()).isEqualTo(report.path("problems").size()).isPositive();
		assertThat(report.path("problems").get(0).fieldNames()).toIterable()
			.containsExactly("severity", "file", "line", "message");
	}

	@Test
	void withoutADirectoryItChecksTheOneTheBotWouldRead() throws IOException {
		CommandLineRun.Result result = CommandLineRun.run(Map.of("KNOWLEDGE_DIR", FIXTURES.resolve("valid").toString()),
				"", TODAY, "validate");
		assertThat(result.exit()).isZero();
		assertThat(result.out()).startsWith(Files.readString(FIXTURES.resolve("reports/valid.txt")));
	}

	@Test
	void aSecondDirectoryIsNamedAsTheBadArgument() {
		CommandLineRun.Result result = CommandLineRun.run(Map.of(), "", "validate", "one", "two");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).startsWith("haqqim: Unmatched argument at index 2: 'two'")
			.contains("Usage: haqqim validate");
	}

}
