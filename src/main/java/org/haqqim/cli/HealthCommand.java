package org.haqqim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./haqqim health [SECONDS]}: 0 when the bot polled Telegram successfully within
 * the last SECONDS, or, standing by for the bot on duty, showed a sign of life; for a
 * container's health check. Runs beside the bot, without starting it.
 */
@Command(name = "health",
		description = { "Tells whether the running bot polled Telegram lately.",
				"Exits with 0 when the bot polled Telegram within SECONDS, 1 otherwise, for a container's",
				"health check. It reads the heartbeat file the bot writes (HAQQIM_TELEGRAM_HEARTBEAT_FILE)." })
final class HealthCommand implements Callable<Integer> {

	/** What a standby writes before the time (telegram.HeartbeatFile). */
	private static final String STANDBY = "standby ";

	@Parameters(arity = "0..1", paramLabel = "SECONDS", defaultValue = "180",
			description = "how old the last successful poll may be (default: ${DEFAULT-VALUE})")
	long maxAge;

	private final Settings settings;

	private final Clock clock;

	private final PrintStream out;

	HealthCommand(Settings settings, Clock clock, PrintStream out) {
		this.settings = settings;
		this.clock = clock;
		this.out = out;
	}

	@Override
	public Integer call() {
		Path file = this.settings.telegram().heartbeatFile();
		try {
			String heartbeat = Files.readString(file).strip();
			boolean standby = heartbeat.startsWith(STANDBY);
			Instant last = Instant.parse(standby ? heartbeat.substring(STANDBY.length()) : heartbeat);
			long age = Duration.between(last, this.clock.instant()).toSeconds();
			boolean healthy = age <= this.maxAge;
			this.out.println((healthy ? "healthy" : "unhealthy")
					+ (standby ? ": standing by for the bot on duty, last sign " : ": last successful poll ") + age
					+ " s ago");
			return healthy ? 0 : 1;
		}
		catch (IOException | DateTimeParseException ex) {
			this.out.println("unhealthy: no heartbeat in " + file);
			return 1;
		}
	}

}
