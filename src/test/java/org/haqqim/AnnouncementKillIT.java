package org.haqqim;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.haqqim.database.TestDatabases;
import org.haqqim.knowledge.KnowledgeDirectories;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: an announcement to 300 subscribers, queued with {@code ./haqqim announce} and
 * interrupted by SIGKILL part of the way through, is finished by the next start: each
 * subscriber gets it once (only the sends under way at the kill may repeat), and the
 * staff chat is told once.
 */
class AnnouncementKillIT extends PackagedBotTest {

	private static final Duration WAIT = Duration.ofSeconds(90);

	private static final long STAFF_CHAT = -100_525_254L;

	private static final int SUBSCRIBERS = 300;

	private static final int SEND_THREADS = 16;

	private static final String TEXT = "📣 The patent price changes.";

	private Process bot;

	AnnouncementKillIT() {
		super(STAFF_CHAT);
	}

	@Test
	void anAnnouncementKilledHalfwayIsFinishedAfterTheRestartWithoutRepeats() throws Exception {
		Path knowledge = this.temporary.resolve("knowledge");
		Path announcement = KnowledgeDirectories.copyWithAnAnnouncement(knowledge);
		DataSource migrated = TestDatabases.sqlite(this.temporary);
		TestDatabases.close(migrated);
		String database = "jdbc:sqlite:" + this.temporary.resolve("test.db");
		Map<String, String> settings = Map.of("DATABASE_URL", database, "KNOWLEDGE_DIR", knowledge.toString(),
				"HAQQIM_TRANSPORT_SEND_THREADS", Integer.toString(SEND_THREADS));
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database));
		for (long person = 1; person <= SUBSCRIBERS; person++) {
			jdbc.sql("INSERT INTO chat_user (chat_id, language, citizenship, settings_offered, created_at, updated_at) "
					+ "VALUES (?, 'en', 'UZ', 1, 0, 0)")
				.param(950_000L + person)
				.update();
			jdbc.sql("INSERT INTO subscription (chat_id, topic, created_at) VALUES (?, 'patent', 0)")
				.param(950_000L + person)
				.update();
		}
		Process announce = this.packaged.command(settings, "announce", announcement.toString());
		assertThat(announce.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(announce.exitValue()).as(this.packaged.logOf(announce)).isZero();

		this.bot = this.packaged.start(settings);
		await().atMost(WAIT).until(() -> announcementsSent() >= SUBSCRIBERS / 3);
		this.bot.destroyForcibly();
		assertThat(this.bot.waitFor(10, TimeUnit.SECONDS)).isTrue();
		long sentBeforeTheKill = announcementsSent();
		this.bot = this.packaged.start(settings);
		await().atMost(WAIT)
			.until(() -> this.telegram.textsSentTo(STAFF_CHAT).stream().anyMatch(t -> t.startsWith("📣")));

		long missing = 0;
		long repeated = 0;
		for (long person = 1; person <= SUBSCRIBERS; person++) {
			long got = this.telegram.textsSentTo(950_000L + person).stream().filter(TEXT::equals).count();
			missing += got == 0 ? 1 : 0;
			repeated += Math.max(0, got - 1);
		}
		System.out.printf("ANNOUNCEMENT KILL: %d subscribers, %d sent before the kill, %d missing, %d repeated%n",
				SUBSCRIBERS, sentBeforeTheKill, missing, repeated);
		assertThat(sentBeforeTheKill).as("the kill came part of the way through").isLessThan(SUBSCRIBERS);
		assertThat(missing).as("subscribers who never got it").isZero();
		assertThat(repeated).as("only the sends under way at the kill").isLessThanOrEqualTo(SEND_THREADS);
		assertThat(this.telegram.textsSentTo(STAFF_CHAT).stream().filter(t -> t.startsWith("📣")))
			.as("staff are told once")
			.hasSize(1);
	}

	private long announcementsSent() {
		return this.telegram.calls("sendmessage")
			.stream()
			.filter(call -> call.accepted() && TEXT.equals(call.text()))
			.count();
	}

}
