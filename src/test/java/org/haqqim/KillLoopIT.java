package org.haqqim;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged bot killed with SIGKILL again and again while people write to it, on
 * SQLite and on PostgreSQL: no message is lost and none is answered out of order; the
 * only duplicates are the sends under way at a kill, which Telegram gives no way to make
 * exactly-once. The number of kills is {@code -Dhaqqim.kill-loop.kills} (3 by default, so
 * that CI stays short); BENCHMARKS.md has the figures of a longer run. Each run prints
 * one line with them.
 */
class KillLoopIT extends PackagedBotTest {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final long STAFF_CHAT = -100_525_252L;

	private static final int SEND_THREADS = 16;

	/** How long the backlog of the last kills may take to be answered. */
	private static final Duration DRAIN = Duration.ofMinutes(5);

	private final Random random = new Random(20261203);

	private Process bot;

	KillLoopIT() {
		super(STAFF_CHAT);
	}

	private String databaseUrl;

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { "sqlite", "postgresql" })
	void killedAgainAndAgainUnderLoadTheBotLosesNothingAndKeepsEveryChatsOrder(String database) throws Exception {
		this.databaseUrl = database.equals("sqlite") ? "jdbc:sqlite:" + this.temporary.resolve("bot.db")
				: PackagedBot.freshPostgresqlDatabase();
		int kills = Integer.getInteger("haqqim.kill-loop.kills", 3);
		this.bot = startBot();
		SteadyTraffic traffic = new SteadyTraffic(this.telegram, 931_000L, this.random);
		traffic.start(WAIT);
		for (int kill = 0; kill < kills; kill++) {
			Thread.sleep(1500 + this.random.nextInt(2500));
			this.bot.destroyForcibly();
			assertThat(this.bot.waitFor(10, TimeUnit.SECONDS)).isTrue();
			this.bot = startBot();
			this.packaged.awaitPolling(WAIT);
		}
		traffic.stop();

		this.telegram.awaitQuiet(JdbcClient.create(new DriverManagerDataSource(this.databaseUrl, "postgres", "")),
				DRAIN);
		SteadyTraffic.Tally tally = traffic.tally();
		System.out.printf(
				"KILL LOOP %s: %d kills, %d messages from %d people, %d lost, %d duplicated, " + "%d out of order%n",
				database, kills, tally.expected, traffic.people(), tally.lost, tally.duplicated, tally.outOfOrder);
		assertThat(tally.lost).as("messages never answered").isZero();
		assertThat(tally.outOfOrder).as("answers out of their chat's order").isZero();
		assertThat(tally.duplicated).as("at most the sends under way at each kill are repeated")
			.isLessThanOrEqualTo(kills * SEND_THREADS);
	}

	private Process startBot() throws IOException {
		return this.packaged.start(Map.of("DATABASE_URL", this.databaseUrl, "DATABASE_USER", "postgres",
				"HAQQIM_TRANSPORT_SEND_THREADS", Integer.toString(SEND_THREADS)));
	}

}
