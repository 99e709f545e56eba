package org.haqqim.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.haqqim.HaqqimApplication;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up refuses a broken configuration in one clear line, never echoing a secret
 * (S14), and does not refuse because Telegram cannot be reached.
 */
@ExtendWith(OutputCaptureExtension.class)
class LauncherTests {

	@TempDir
	Path temporary;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void malformedTokenIsRefusedWithoutEchoingIt() {
		Launcher.Outcome outcome = run(environment("12345:tooShortSecretXYZ", "-1001"));
		assertThat(outcome).isEqualTo(new Launcher.Outcome.Exit(1));
		assertThat(errorLines()).containsExactly(
				"haqqim: TELEGRAM_BOT_TOKEN is malformed: BotFather's tokens are digits, a colon and at least 30 letters, digits, '_' or '-'");
		assertThat(allOutput()).doesNotContain("tooShortSecretXYZ");
	}

	@Test
	void missingStaffChatIsRefusedWhenATokenIsSet() {
		Launcher.Outcome outcome = run(environment(FakeBotApi.CANARY_TOKEN, null));
		assertThat(outcome).isEqualTo(new Launcher.Outcome.Exit(1));
		assertThat(errorLines()).singleElement().asString().startsWith("haqqim: STAFF_CHAT_ID is missing");
		assertThat(allOutput()).doesNotContain("TESTCANARY");
	}

	@Test
	void malformedStaffChatIsRefused() {
		Launcher.Outcome outcome = run(environment(FakeBotApi.CANARY_TOKEN, "staff-group"));
		assertThat(outcome).isEqualTo(new Launcher.Outcome.Exit(1));
		assertThat(errorLines())
			.containsExactly("haqqim: STAFF_CHAT_ID is malformed: it must be a chat id such as -1001234567890");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "123456789" })
	void aStaffChatThatIsNotAGroupIsRefused(String staffChat) {
		Launcher.Outcome outcome = run(environment(FakeBotApi.CANARY_TOKEN, staffChat));
		assertThat(outcome).isEqualTo(new Launcher.Outcome.Exit(1));
		assertThat(errorLines()).containsExactly("haqqim: STAFF_CHAT_ID must be the id of the staff group, which is "
				+ "negative (such as -1001234567890); " + staffChat + " is a private chat or no chat at all");
	}

	@Test
	void staffUserIdsThatAreNotIdsAreRefusedByTheVariablesName(CapturedOutput logs) {
		Map<String, String> environment = environment(FakeBotApi.CANARY_TOKEN, "-1001");
		environment.put("STAFF_USER_IDS", "5550001, abc");
		Launcher.Outcome outcome = run(environment);
		assertThat(outcome).isEqualTo(new Launcher.Outcome.Exit(1));
		assertThat(errorLines()).containsExactly("haqqim: STAFF_USER_IDS must be Telegram user ids separated by "
				+ "commas, such as 123456789,987654321; 'abc' is not one");
		assertThat(logs.getAll()).as("nothing of Spring's account of the failure")
			.doesNotContain("Exception encountered during context initialization", "Error starting ApplicationContext",
					"NumberFormatException");
	}

	/**
	 * Issue 19: a setting that cannot be read is refused in one line that names the
	 * variable, says what is wrong and gives a value that would do.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"HAQQIM_REPORTS_RETENTION|abc|haqqim: HAQQIM_REPORTS_RETENTION is not valid: 'abc' is not a duration, such as 90d, 15m or 30s",
			"HAQQIM_REPORTS_CARDS_PER_MINUTE|many|haqqim: HAQQIM_REPORTS_CARDS_PER_MINUTE is not valid: 'many' is not a whole number, such as 20",
			"HAQQIM_REPORTS_CARDS_PER_MINUTE|0|haqqim: HAQQIM_REPORTS_CARDS_PER_MINUTE is not valid: '0' must be greater than or equal to 1",
			"HAQQIM_REPORTS_FORUM_TOPICS|perhaps|haqqim: HAQQIM_REPORTS_FORUM_TOPICS is not valid: 'perhaps' is not true or false",
			"HAQQIM_REPORTS_RETENTION|-5m|haqqim: HAQQIM_REPORTS_RETENTION is not valid: 'PT-5M' must not be negative",
			"HAQQIM_REPORTS_STAFF_LANGUAGE|xx|haqqim: HAQQIM_REPORTS_STAFF_LANGUAGE is not valid: 'xx' is not a language of the knowledge base, such as uz, uz-Cyrl, ru, ky, tg, en" })
	void aSettingThatCannotBeReadIsRefusedByTheVariablesName(String variable, String value, String refusal) {
		Map<String, String> environment = environment(FakeBotApi.CANARY_TOKEN, "-1001");
		environment.put(variable, value);
		Launcher.Outcome outcome = run(environment);
		assertThat(outcome).isEqualTo(new Launcher.Outcome.Exit(1));
		assertThat(errorLines()).containsExactly(refusal);
	}

	@Test
	void unreachableDatabaseIsRefusedWithoutItsPassword() {
		Map<String, String> environment = environment(FakeBotApi.CANARY_TOKEN, "-1001");
		environment.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/haqqim?password=sekret");
		Launcher.Outcome outcome = run(environment);
		assertThat(outcome).isEqualTo(new Launcher.Outcome.Exit(1));
		assertThat(errorLines()).singleElement()
			.asString()
			.startsWith("haqqim: cannot open the database at jdbc:postgresql://127.0.0.1:1/haqqim: ");
		assertThat(allOutput()).doesNotContain("sekret");
	}

	@Test
	void unreachableTelegramDoesNotStopTheStart() {
		Map<String, String> environment = environment(FakeBotApi.CANARY_TOKEN, "-1001");
		environment.put("TELEGRAM_API_URL", "http://127.0.0.1:1");
		Launcher.Outcome outcome = run(environment);
		assertThat(outcome).isInstanceOf(Launcher.Outcome.KeepRunning.class);
		((Launcher.Outcome.KeepRunning) outcome).context().close();
	}

	@Test
	void unknownCommandShowsTheUsage() {
		Launcher.Outcome outcome = run(Map.of(), "frobnicate");
		assertThat(outcome).isEqualTo(new Launcher.Outcome.Exit(2));
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'", "Usage:");
	}

	private Map<String, String> environment(String token, String staffChat) {
		Map<String, String> environment = new HashMap<>();
		environment.put("TELEGRAM_BOT_TOKEN", token);
		if (staffChat != null) {
			environment.put("STAFF_CHAT_ID", staffChat);
		}
		environment.put("DATABASE_URL", "jdbc:sqlite:" + this.temporary.resolve("launcher.db"));
		environment.put("KNOWLEDGE_DIR", "knowledge");
		environment.put("HAQQIM_MANAGEMENT_PORT", "0");
		return environment;
	}

	private Launcher.Outcome run(Map<String, String> environment, String... args) {
		try (PrintStream outStream = new PrintStream(this.out, true, StandardCharsets.UTF_8);
				PrintStream errStream = new PrintStream(this.err, true, StandardCharsets.UTF_8)) {
			return new Launcher(HaqqimApplication.class, environment, new ByteArrayInputStream(new byte[0]), outStream,
					errStream)
				.run(args);
		}
	}

	private java.util.List<String> errorLines() {
		return this.err.toString(StandardCharsets.UTF_8).lines().toList();
	}

	private String allOutput() {
		try {
			Files.writeString(this.temporary.resolve("output.txt"), this.out + "\n" + this.err);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return this.out.toString(StandardCharsets.UTF_8) + this.err.toString(StandardCharsets.UTF_8);
	}

}
