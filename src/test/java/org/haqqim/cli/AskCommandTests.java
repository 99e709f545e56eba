package org.haqqim.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./haqqim ask}: how the bot understands a question, with the settings the bot
 * runs with; {@code --jsonl} is a contract for scripts (DESIGN.md): one JSON object out
 * for each line in, in order, with the same fields every time.
 */
class AskCommandTests {

	private static final Map<String, String> REAL_KNOWLEDGE = Map.of("KNOWLEDGE_DIR", "knowledge");

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void jsonLinesAnswerEveryLineInOrderEvenOneThatIsNotJson() throws IOException {
		String input = """
				{"text":"patent narxi qancha","lang":"uz","citizenship":"UZ"}
				this is not json
				{"text":"спасибо большое"}
				{"text":"меня задержали прямо сейчас","lang":"ru"}
				""";
		CommandLineRun.Result result = CommandLineRun.run(REAL_KNOWLEDGE, input, "ask", "--jsonl");
		assertThat(result.exit()).isZero();
		List<JsonNode> lines = result.outLines().stream().map(this::parse).toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0).fieldNames()).toIterable()
			.containsExactly("topic", "confidence", "alternatives", "language", "urgent", "micros");
		assertThat(lines.get(0).path("topic").asText()).isEqualTo("patent");
		assertThat(lines.get(0).path("language").asText()).isEqualTo("uz");
		assertThat(lines.get(0).path("confidence").asDouble()).isBetween(0.0, 1.0);
		assertThat(lines.get(1).path("error").asText()).isEqualTo("line 2 is not a JSON object");
		assertThat(lines.get(2).path("topic").isNull()).isTrue();
		assertThat(lines.get(2).path("language").asText()).isEqualTo("ru");
		assertThat(lines.get(3).path("urgent").asBoolean()).isTrue();
		assertThat(result.err()).isEmpty();
	}

	@Test
	void itAnswersWithTheThresholdsTheBotIsGiven() throws IOException {
		String question = "{\"text\":\"patent narxi qancha\",\"lang\":\"uz\"}\n";
		assertThat(parse(CommandLineRun.run(REAL_KNOWLEDGE, question, "ask", "--jsonl").out()).path("topic").asText())
			.isEqualTo("patent");
		Map<String, String> strict = Map.of("KNOWLEDGE_DIR", "knowledge", "HAQQIM_MATCHING_ANSWER_PROBABILITY", "1");
		assertThat(parse(CommandLineRun.run(strict, question, "ask", "--jsonl").out()).path("topic").isNull()).isTrue();
	}

	@Test
	void oneQuestionIsExplainedForPeople() {
		CommandLineRun.Result result = CommandLineRun.run(REAL_KNOWLEDGE, "", "ask", "patent narxi qancha");
		assertThat(result.exit()).isZero();
		assertThat(result.outLines()).hasSize(7);
		assertThat(result.outLines().get(0)).isEqualTo("decision:     answer");
		assertThat(result.outLines().get(1)).startsWith("topic:        patent (");
		assertThat(result.outLines().get(4)).isEqualTo("language:     uz");
	}

	@Test
	void aQuestionAndJsonLinesTogetherOrNeitherIsABadCommandLine() {
		CommandLineRun.Result neither = CommandLineRun.run(REAL_KNOWLEDGE, "", "ask");
		assertThat(neither.exit()).isEqualTo(2);
		assertThat(neither.err()).startsWith("haqqim: give a question in quotes, or --jsonl");
		CommandLineRun.Result both = CommandLineRun.run(REAL_KNOWLEDGE, "", "ask", "--jsonl", "patent");
		assertThat(both.exit()).isEqualTo(2);
		assertThat(both.err()).startsWith("haqqim: give a question or --jsonl, not both");
	}

	@Test
	void aKnowledgeBaseWithErrorsIsRefusedInOneLine() {
		CommandLineRun.Result result = CommandLineRun.run(Map.of("KNOWLEDGE_DIR", "no/such/directory"), "", "ask",
				"patent");
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.err().lines()).containsExactly(
				"haqqim: the knowledge base in no/such/directory has 1 error(s); run ./haqqim validate no/such/directory");
	}

	private JsonNode parse(String line) {
		try {
			return this.json.readTree(line);
		}
		catch (IOException ex) {
			throw new AssertionError("not JSON: " + line, ex);
		}
	}

}
