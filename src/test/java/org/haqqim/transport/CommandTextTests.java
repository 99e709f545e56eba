package org.haqqim.transport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandTextTests {

	@Test
	void aCommandIsItsNameWithoutTheSlashOrTheBotsNameAndWhatFollows() {
		assertThat(CommandText.parse("  /Take@haqqim_bot   12 called  the station "))
			.contains(new CommandText("take", "12 called  the station"));
		assertThat(CommandText.parse("/start")).contains(new CommandText("start", ""));
		assertThat(CommandText.parse("/")).contains(new CommandText("", ""));
	}

	@Test
	void aMessageThatDoesNotStartWithASlashIsNoCommand() {
		assertThat(CommandText.parse("take 12")).isEmpty();
		assertThat(CommandText.parse("a/b")).isEmpty();
		assertThat(CommandText.parse(null)).isEmpty();
	}

	@Test
	void itHidesWhatWasTyped() {
		assertThat(new CommandText("note", "the person's address"))
			.hasToString("CommandText[note, arguments=20 characters]");
	}

}
