package org.haqqim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./haqqim calibrate}: fits the confidence model on labelled sets and writes the
 * file the matcher ships with.
 */
class CalibrateCommandTests {

	private static final Map<String, String> REAL_KNOWLEDGE = Map.of("KNOWLEDGE_DIR", "knowledge");

	private static final String SET = "src/test/resources/org/haqqim/cli/calibrate-sixteen-labelled-messages.jsonl";

	@Test
	void itWritesAModelThatSaysWhatItWasFittedOn(@TempDir Path directory) throws IOException {
		Path model = directory.resolve("confidence.yaml");
		CommandLineRun.Result result = CommandLineRun.run(REAL_KNOWLEDGE, "", "calibrate", SET, "--out",
				model.toString());
		assertThat(result.exit()).as(result.err()).isZero();
		assertThat(result.out()).startsWith("fitted on 16 messages (").endsWith("written to " + model + "\n");
		assertThat(Files.readString(model)).contains("messages: 16\n",
				"fitted-on:\n  - calibrate-sixteen-labelled-messages.jsonl\n", "intercept: ", "  score: ",
				"  situation-here: ", "  urgent: ");
	}

	@Test
	void withoutOutItPrintsTheModel() {
		CommandLineRun.Result result = CommandLineRun.run(REAL_KNOWLEDGE, "", "calibrate", SET);
		assertThat(result.exit()).isZero();
		assertThat(result.out()).startsWith("# The confidence model").contains("weights:\n");
	}

	@Test
	void aMissingSetIsNamed() {
		CommandLineRun.Result result = CommandLineRun.run(REAL_KNOWLEDGE, "", "calibrate", "no-such-set.jsonl");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).contains("FILE 'no-such-set.jsonl' is not a file");
	}

}
