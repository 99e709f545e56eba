package org.haqqim.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reliability case D3: a database the bot has been using, with people's settings and
 * queued messages in it, is upgraded by a newer bot at start-up and nothing in it is
 * lost. Starts from the last version before the reports (V3), on SQLite and on
 * PostgreSQL.
 */
class MigrationUpgradeTests {

	private static final MigrationVersion BEFORE_REPORTS = MigrationVersion.fromVersion("3");

	@TempDir
	Path temporary;

	@Test
	void anSqliteDatabaseOfTheLastVersionIsUpgradedWithItsDataIntact() {
		upgradeKeepsData(new DatabaseProperties("jdbc:sqlite:" + this.temporary.resolve("old.db"), null, null, 1));
	}

	@Test
	@EnabledIf(value = "org.haqqim.database.TestDatabases#postgresqlAvailable",
			disabledReason = "PostgreSQL on 127.0.0.1:5432 is not reachable; .ci/run starts it.")
	void aPostgresqlDatabaseOfTheLastVersionIsUpgradedWithItsDataIntact() {
		upgradeKeepsData(TestDatabases.freshPostgresqlSchema());
	}

	private static void upgradeKeepsData(DatabaseProperties properties) {
		DataSource dataSource = TestDatabases.open(properties);
		try {
			TestDatabases.flyway(properties, dataSource).target(BEFORE_REPORTS).load().migrate();
			JdbcClient jdbc = JdbcClient.create(dataSource);
			jdbc.sql("INSERT INTO chat_user (chat_id, language, citizenship, settings_offered, created_at, updated_at) "
					+ "VALUES (42, 'uz', 'UZ', 1, 1000, 2000)")
				.update();
			jdbc.sql("INSERT INTO topic_feedback (topic, language, helpful, not_helpful) VALUES ('patent', 'ru', 3, 1)")
				.update();
			jdbc.sql("INSERT INTO inbox (update_id, chat_id, payload, status, attempts, next_attempt_at, received_at) "
					+ "VALUES (7001, 42, '{}', 'PENDING', 0, 0, 1000)")
				.update();
			jdbc.sql("INSERT INTO outbox (chat_id, payload, status, attempts, next_attempt_at, created_at) "
					+ "VALUES (42, '{\"text\":\"queued\"}', 'PENDING', 0, 0, 1000)")
				.update();
			jdbc.sql("INSERT INTO unanswered_question (text, language, asked_at) VALUES ('ob-havo qanday', 'uz', 1000)")
				.update();

			MigrateResult result = TestDatabases.flyway(properties, dataSource).load().migrate();

			assertThat(result.migrationsExecuted).as("migrations applied on top of V3").isGreaterThan(0);
			assertThat(jdbc.sql("SELECT language || '/' || citizenship FROM chat_user WHERE chat_id = 42")
				.query(String.class)
				.single()).isEqualTo("uz/UZ");
			assertThat(
					jdbc.sql("SELECT helpful FROM topic_feedback WHERE topic = 'patent'").query(Integer.class).single())
				.isEqualTo(3);
			assertThat(jdbc.sql("SELECT status FROM inbox WHERE update_id = 7001").query(String.class).single())
				.isEqualTo("PENDING");
			assertThat(jdbc.sql("SELECT payload FROM outbox WHERE chat_id = 42").query(String.class).single())
				.contains("queued");
			assertThat(jdbc.sql("SELECT COUNT(*) FROM unanswered_question").query(Long.class).single()).isEqualTo(1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM report_case").query(Long.class).single())
				.as("the new tables exist and are empty")
				.isZero();
		}
		finally {
			TestDatabases.close(dataSource);
		}
	}

}
