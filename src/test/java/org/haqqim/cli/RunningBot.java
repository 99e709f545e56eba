package org.haqqim.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.haqqim.HaqqimApplication;
import org.haqqim.telegram.FakeBotApi;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot on Telegram started as {@code ./haqqim} starts it, against a fake Bot API and a
 * database of the test's own, for tests that stop it and start another.
 */
public final class RunningBot {

	private RunningBot() {
	}

	/**
	 * What such a bot is started with: the fake's address, the staff chat, the database
	 * and its heartbeat beside it, and a free port for health and metrics.
	 */
	public static Map<String, String> environment(FakeBotApi telegram, long staffChat, Path database) {
		Map<String, String> environment = new HashMap<>();
		environment.put("TELEGRAM_BOT_TOKEN", FakeBotApi.CANARY_TOKEN);
		environment.put("TELEGRAM_API_URL", telegram.url());
		environment.put("STAFF_CHAT_ID", Long.toString(staffChat));
		environment.put("DATABASE_URL", "jdbc:sqlite:" + database);
		environment.put("KNOWLEDGE_DIR", "knowledge");
		environment.put("HAQQIM_TELEGRAM_POLL_TIMEOUT", "1s");
		environment.put("HAQQIM_TELEGRAM_HEARTBEAT_FILE", database.resolveSibling("heartbeat").toString());
		environment.put("HAQQIM_MANAGEMENT_PORT", "0");
		return environment;
	}

	/** Starts the bot; close the context to stop it. */
	public static ConfigurableApplicationContext start(Map<String, String> environment) {
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		Launcher.Outcome outcome = new Launcher(HaqqimApplication.class, environment,
				new ByteArrayInputStream(new byte[0]), quiet, quiet)
			.run();
		assertThat(outcome).isInstanceOf(Launcher.Outcome.KeepRunning.class);
		return ((Launcher.Outcome.KeepRunning) outcome).context();
	}

}
