package org.haqqim.cli;

import java.nio.file.Path;
import java.util.Map;

import org.haqqim.knowledge.KnowledgeDirectories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./haqqim announce FILE [--dry-run]}: how many people an announcement would
 * reach, queueing it once, and a clear refusal for a file that is not one.
 */
class AnnounceCommandTests {

	@TempDir
	Path temporary;

	@Test
	void aDryRunCountsTheSubscribersAndTheRealOneQueuesItOnce() {
		Path knowledge = this.temporary.resolve("knowledge");
		Path file = KnowledgeDirectories.copyWithAnAnnouncement(knowledge);
		String database = "jdbc:sqlite:" + this.temporary.resolve("bot.db");
		Map<String, String> environment = Map.of("KNOWLEDGE_DIR", knowledge.toString(), "DATABASE_URL", database);
		assertThat(CommandLineRun.run(environment, "", "announce", file.toString(), "--dry-run").out())
			.isEqualTo("Would reach 0 people subscribed to patent (citizens of UZ).\n");

		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(database));
		for (long person = 1; person <= 3; person++) {
			jdbc.sql("INSERT INTO chat_user (chat_id, language, citizenship, settings_offered, created_at, updated_at) "
					+ "VALUES (?, 'ru', ?, 1, 0, 0)")
				.params(person, person == 3 ? "KG" : "UZ")
				.update();
			jdbc.sql("INSERT INTO subscription (chat_id, topic, created_at) VALUES (?, 'patent', 0)")
				.param(person)
				.update();
		}
		assertThat(CommandLineRun.run(environment, "", "announce", file.toString(), "--dry-run").out())
			.isEqualTo("Would reach 2 people subscribed to patent (citizens of UZ).\n");
		CommandLineRun.Result queued = CommandLineRun.run(environment, "", "announce", file.toString());
		assertThat(queued.exit()).isZero();
		assertThat(queued.out()).startsWith("Queued for 2 people subscribed to patent (citizens of UZ).");
		CommandLineRun.Result again = CommandLineRun.run(environment, "", "announce", file.toString());
		assertThat(again.exit()).isEqualTo(1);
		assertThat(again.err()).contains("announcement 'patent-price-2027' was queued on ")
			.contains("an announcement is sent once");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM announcement_delivery").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void aFileThatIsNotAnAnnouncementOfTheKnowledgeBaseIsRefused() {
		CommandLineRun.Result result = CommandLineRun.run(
				Map.of("DATABASE_URL", "jdbc:sqlite:" + this.temporary.resolve("bot.db")), "", "announce",
				"somewhere/else.yaml");
		assertThat(result.exit()).isEqualTo(1);
		assertThat(result.err()).startsWith("haqqim: no announcement 'else' in ");
	}

}
