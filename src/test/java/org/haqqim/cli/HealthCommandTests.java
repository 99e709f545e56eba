package org.haqqim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./haqqim health [SECONDS]}, the container's health check, from the heartbeat
 * file the bot writes.
 */
class HealthCommandTests {

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@TempDir
	Path temporary;

	@Test
	void aRecentPollIsHealthy() throws IOException {
		CommandLineRun.Result result = health(NOW.minusSeconds(40), "health");
		assertThat(result.exit()).isZero();
		assertThat(result.out()).isEqualTo("healthy: last successful poll 40 s ago\n");
	}

	@Test
	void anOldPollIsUnhealthyAndTheLimitIsTheArgument() throws IOException {
		assertThat(health(NOW.minusSeconds(200), "health").exit()).isEqualTo(1);
		CommandLineRun.Result lenient = health(NOW.minusSeconds(200), "health", "300");
		assertThat(lenient.exit()).isZero();
		assertThat(lenient.out()).startsWith("healthy:");
	}

	@Test
	void aStandbyThatShowedASignOfLifeIsHealthy() throws IOException {
		CommandLineRun.Result result = heartbeat("standby " + NOW.minusSeconds(12), "health");
		assertThat(result.exit()).isZero();
		assertThat(result.out()).isEqualTo("healthy: standing by for the bot on duty, last sign 12 s ago\n");
		assertThat(heartbeat("standby " + NOW.minusSeconds(400), "health").exit()).isEqualTo(1);
	}

	@Test
	void noHeartbeatIsUnhealthy() {
		Path missing = this.temporary.resolve("never-written");
		CommandLineRun.Result result = CommandLineRun.run(Map.of("HAQQIM_TELEGRAM_HEARTBEAT_FILE", missing.toString()),
				"", CLOCK, "health");
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.out()).isEqualTo("unhealthy: no heartbeat in " + missing + "\n");
	}

	@Test
	void aLimitThatIsNotANumberIsNamed() throws IOException {
		CommandLineRun.Result result = health(NOW, "health", "soon");
		assertThat(result.exit()).isEqualTo(2);
		assertThat(result.err())
			.startsWith("haqqim: Invalid value for positional parameter at index 0 (SECONDS): 'soon'");
	}

	private CommandLineRun.Result health(Instant lastPoll, String... args) throws IOException {
		return heartbeat(lastPoll.toString(), args);
	}

	private CommandLineRun.Result heartbeat(String content, String... args) throws IOException {
		Path heartbeat = this.temporary.resolve("heartbeat");
		Files.writeString(heartbeat, content);
		return CommandLineRun.run(Map.of("HAQQIM_TELEGRAM_HEARTBEAT_FILE", heartbeat.toString()), "", CLOCK, args);
	}

}
