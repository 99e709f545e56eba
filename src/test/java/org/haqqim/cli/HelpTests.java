package org.haqqim.cli;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command says how it is used, and a wrong option is named with that usage. */
class HelpTests {

	@ParameterizedTest(name = "{0} --help")
	@ValueSource(strings = { "console", "validate", "ask", "evaluate", "unanswered", "health" })
	void everyCommandHasHelp(String command) {
		CommandLineRun.Result asked = CommandLineRun.run(Map.of(), "", command, "--help");
		assertThat(asked.exit()).isZero();
		assertThat(asked.out()).startsWith("Usage: haqqim " + command);
		assertThat(CommandLineRun.run(Map.of(), "", "help", command).out()).isEqualTo(asked.out());
	}

	@ParameterizedTest(name = "{0} --frobnicate")
	@ValueSource(strings = { "validate", "ask", "health", "unanswered" })
	void anUnknownOptionIsNamedWithTheUsage(String command) {
		CommandLineRun.Result result = CommandLineRun.run(Map.of(), "", command, "--frobnicate");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).startsWith("haqqim: Unknown option: '--frobnicate'")
			.contains("Usage: haqqim " + command);
	}

	@Test
	void aMissingArgumentIsNamedWithTheUsage() {
		CommandLineRun.Result result = CommandLineRun.run(Map.of(), "", "evaluate");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err()).startsWith("haqqim: Missing required parameter: 'FILE'")
			.contains("Usage: haqqim evaluate [-h] [--misses] FILE");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "--help", "-h", "help" })
	void theBotItselfListsEveryCommand(String asked) {
		CommandLineRun.Result result = CommandLineRun.run(Map.of(), "", asked);
		assertThat(result.exit()).isZero();
		assertThat(result.out()).startsWith("Usage: haqqim [-h] [COMMAND]")
			.contains("console", "validate", "ask", "evaluate", "unanswered", "health")
			.doesNotContain("telegram");
	}

}
