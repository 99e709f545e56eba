package org.haqqim;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged bot killed with SIGKILL again and again while people write to it, on
 * SQLite and on PostgreSQL: no message is lost and none is answered out of order; the
 * only duplicates are the sends under way at a kill, which Telegram gives no way to make
 * exactly-once. The number of kills is {@code -Dhaqqim.kill-loop.kills} (5 by default, so
 * that CI stays short); BENCHMARKS.md has the figures of a longer run. Each run prints
 * one line with them.
 */
class KillLoopIT {

	private static final Duration WAIT = Duration.ofSeconds(60);

	private static final long STAFF_CHAT = -100_525_252L;

	private static final int PEOPLE = 10;

	private static final int SEND_THREADS = 16;

	/**
	 * Each of the ten people writes every four seconds, 15 a minute: below the flood
	 * limit, as in the reliability review's downtime test, and within what Telegram lets
	 * a bot send one chat, so that the backlog a kill leaves is worked off.
	 */
	private static final Duration BETWEEN_MESSAGES = Duration.ofMillis(400);

	/** How long the backlog of the last kills may take to be answered. */
	private static final Duration DRAIN = Duration.ofMinutes(5);

	@TempDir
	Path temporary;

	private final Random random = new Random(20261203);

	private FakeBotApi telegram;

	private Process bot;

	private PackagedBot packaged;

	private String databaseUrl;

	@BeforeEach
	void startFake() {
		this.telegram = new FakeBotApi().start();
		this.packaged = new PackagedBot(this.telegram, this.temporary, STAFF_CHAT);
	}

	@AfterEach
	void stop() throws IOException {
		if (this.bot != null && this.bot.isAlive()) {
			this.bot.destroyForcibly();
		}
		this.telegram.close();
		this.packaged.assertNoTokenInLogs();
	}

	@ParameterizedTest(name = "on {0}")
	@ValueSource(strings = { "sqlite", "postgresql" })
	void killedAgainAndAgainUnderLoadTheBotLosesNothingAndKeepsEveryChatsOrder(String database) throws Exception {
		this.databaseUrl = database.equals("sqlite") ? "jdbc:sqlite:" + this.temporary.resolve("bot.db")
				: freshPostgresqlSchema();
		int kills = Integer.getInteger("haqqim.kill-loop.kills", 5);
		this.bot = startBot();
		List<String> answers = helpAndPrivacy(930_000L);

		Map<Long, List<String>> expected = new ConcurrentHashMap<>();
		AtomicBoolean writing = new AtomicBoolean(true);
		Thread people = new Thread(() -> keepWriting(answers, expected, writing), "people");
		people.start();
		for (int kill = 0; kill < kills; kill++) {
			Thread.sleep(1500 + this.random.nextInt(2500));
			this.bot.destroyForcibly();
			assertThat(this.bot.waitFor(10, TimeUnit.SECONDS)).isTrue();
			this.bot = startBot();
			this.packaged.awaitPolling(WAIT);
		}
		writing.set(false);
		people.join();

		this.telegram.awaitQuiet(JdbcClient.create(new DriverManagerDataSource(this.databaseUrl, "postgres", "")),
				DRAIN);
		Tally tally = new Tally();
		expected.forEach((chat, sent) -> tally.add(sent, this.telegram.textsSentTo(chat)));
		System.out.printf(
				"KILL LOOP %s: %d kills, %d messages from %d people, %d lost, %d duplicated, " + "%d out of order%n",
				database, kills, tally.expected, expected.size(), tally.lost, tally.duplicated, tally.outOfOrder);
		assertThat(tally.lost).as("messages never answered").isZero();
		assertThat(tally.outOfOrder).as("answers out of their chat's order").isZero();
		assertThat(tally.duplicated).as("at most the sends under way at each kill are repeated")
			.isLessThanOrEqualTo(kills * SEND_THREADS);
	}

	/**
	 * Ten people, each sending /help or /privacy every so often, round and round; what
	 * each should get back, in order.
	 */
	private void keepWriting(List<String> answers, Map<Long, List<String>> expected, AtomicBoolean writing) {
		int message = 0;
		while (writing.get()) {
			long person = 931_000L + message % PEOPLE;
			boolean help = this.random.nextBoolean();
			expected.computeIfAbsent(person, key -> new ArrayList<>()).add(answers.get(help ? 0 : 1));
			this.telegram.userSays(person, help ? "/help" : "/privacy", "ru");
			message++;
			try {
				Thread.sleep(BETWEEN_MESSAGES.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/**
	 * What each chat got against what it should have: a repeat of the answer just before
	 * is a duplicate, an answer that is not the next one expected is out of order, and
	 * what was never matched is lost.
	 */
	private static final class Tally {

		private int expected;

		private int lost;

		private int duplicated;

		private int outOfOrder;

		void add(List<String> expectedAnswers, List<String> received) {
			this.expected += expectedAnswers.size();
			int next = 0;
			for (int i = 0; i < received.size(); i++) {
				if (next < expectedAnswers.size() && received.get(i).equals(expectedAnswers.get(next))) {
					next++;
				}
				else if (i > 0 && received.get(i).equals(received.get(i - 1))) {
					this.duplicated++;
				}
				else {
					this.outOfOrder++;
				}
			}
			this.lost += expectedAnswers.size() - next;
		}

	}

	private List<String> helpAndPrivacy(long probe) {
		this.telegram.userSays(probe, "/help", "ru");
		this.telegram.userSays(probe, "/privacy", "ru");
		List<String> answers = this.telegram.awaitTextsTo(probe, 2, WAIT);
		assertThat(answers.get(0)).isNotEqualTo(answers.get(1));
		return answers.subList(0, 2);
	}

	private static String freshPostgresqlSchema() throws SQLException {
		String schema = "kill_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/test", "postgres",
				""); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		return "jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema;
	}

	private Process startBot() throws IOException {
		return this.packaged.start(Map.of("DATABASE_URL", this.databaseUrl, "DATABASE_USER", "postgres",
				"HAQQIM_TRANSPORT_SEND_THREADS", Integer.toString(SEND_THREADS)));
	}

}
