package org.haqqim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.haqqim.telegram.FakeBotApi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar started as a child process against the {@link FakeBotApi}, the way an
 * operator runs it, each start with its own log file, for the tests that kill it.
 */
final class PackagedBot {

	private final FakeBotApi telegram;

	private final Path directory;

	private final long staffChat;

	private int starts;

	private final Map<Process, Path> logs = new HashMap<>();

	PackagedBot(FakeBotApi telegram, Path directory, long staffChat) {
		this.telegram = telegram;
		this.directory = directory;
		this.staffChat = staffChat;
	}

	/** Starts the bot with these variables beside the ones every start needs. */
	Process start(Map<String, String> variables) throws IOException {
		return command(variables);
	}

	/**
	 * Runs the jar with these variables and arguments (none: the bot itself), with its
	 * own log.
	 */
	Process command(Map<String, String> variables, String... arguments) throws IOException {
		this.starts++;
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// The bot starts a dozen times or more in a test; the quick compiler alone makes
		// each start a second or two shorter on two cores, and changes nothing the tests
		// look at.
		List<String> line = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-jar",
				Path.of("target", "haqqim.jar").toAbsolutePath().toString()));
		line.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(line);
		Map<String, String> environment = builder.environment();
		environment.put("TELEGRAM_BOT_TOKEN", FakeBotApi.CANARY_TOKEN);
		environment.put("TELEGRAM_API_URL", this.telegram.url());
		environment.put("STAFF_CHAT_ID", Long.toString(this.staffChat));
		environment.put("KNOWLEDGE_DIR", Path.of("knowledge").toAbsolutePath().toString());
		environment.put("HAQQIM_TELEGRAM_POLL_TIMEOUT", "1s");
		environment.put("HAQQIM_TELEGRAM_HEARTBEAT_FILE", this.directory.resolve("heartbeat").toString());
		// A killed bot's successor may start before the port is free again.
		environment.put("HAQQIM_MANAGEMENT_PORT", "0");
		environment.putAll(variables);
		builder.redirectErrorStream(true);
		builder.redirectOutput(log(this.starts).toFile());
		Process bot = builder.start();
		this.logs.put(bot, log(this.starts));
		return bot;
	}

	/** Stops every bot started here that still runs, at once. */
	void stopEveryBot() {
		this.logs.keySet().stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
	}

	/** A schema of its own in the test database, as the URL a bot is given. */
	static String freshPostgresqlDatabase() throws SQLException {
		String schema = "bot_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
				""); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
	}

	/** Waits for a poll that began after this call. */
	void awaitPolling(Duration wait) {
		Instant since = Instant.now();
		await().atMost(wait)
			.until(() -> this.telegram.calls("getupdates").stream().anyMatch(call -> call.at().isAfter(since)));
	}

	/** The output of that start so far. */
	String logOf(Process bot) throws IOException {
		return Files.readString(this.logs.get(bot), StandardCharsets.UTF_8);
	}

	/** The output of the last start. */
	String lastLog() throws IOException {
		return Files.readString(log(this.starts), StandardCharsets.UTF_8);
	}

	/** S12: the token's secret part is in no start's output. */
	void assertNoTokenInLogs() throws IOException {
		String secret = FakeBotApi.CANARY_TOKEN.substring(FakeBotApi.CANARY_TOKEN.indexOf(':') + 1);
		for (int i = 1; i <= this.starts; i++) {
			assertThat(Files.readString(log(i), StandardCharsets.UTF_8)).doesNotContain(secret);
		}
	}

	private Path log(int start) {
		return this.directory.resolve("bot-" + start + ".log");
	}

}
