package org.haqqim.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.haqqim.system.StartupRefusal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * One bot per database (R16), and D4 of the reliability review: the lock held for every
 * spelling of an SQLite file, and a bot whose PostgreSQL lock vanished with a restart
 * went on beside a second one.
 */
class InstanceLockTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@ValueSource(strings = { "jdbc:sqlite:%s", "jdbc:sqlite:file:%s", "jdbc:sqlite:file://%s?mode=rwc" })
	void aSecondBotOnTheSameSqliteFileRefusesHoweverTheUrlSpellsIt(String spelling) throws IOException {
		String file = this.directory.resolve("haqqim.db").toString();
		InstanceLock first = lock(String.format("jdbc:sqlite:%s", file));
		try {
			assertThatThrownBy(() -> lock(String.format(spelling, file))).isInstanceOf(StartupRefusal.class)
				.hasMessageContaining("another Haqqim is already running");
		}
		finally {
			first.destroy();
		}
		lock(String.format(spelling, file)).destroy();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(file + ".lock"))))
			.as("the lock file, like the database, is the owner's only")
			.isEqualTo("rw-------");
	}

	@Test
	void aBotThatLosesItsPostgresqlLockStopsBeforeAnotherCanTakeIt() throws Exception {
		assertThat(TestDatabases.postgresqlAvailable()).as("PostgreSQL on 127.0.0.1:5432 (.ci/run starts it)").isTrue();
		DatabaseProperties schema = TestDatabases.freshPostgresqlSchema();
		CountDownLatch stopped = new CountDownLatch(1);
		InstanceLock first = new InstanceLock(schema, stopped::countDown);
		try {
			assertThatThrownBy(() -> new InstanceLock(schema, () -> {
			})).hasMessageContaining("another Haqqim is already running");
			terminateTheLockHoldersConnection();
			assertThat(stopped.await(20, TimeUnit.SECONDS)).as("the first bot stops").isTrue();
			await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(() -> {
				new InstanceLock(schema, () -> {
				}).destroy();
				return true;
			});
		}
		finally {
			first.destroy();
		}
	}

	/** What a PostgreSQL restart does to the lock's session. */
	private static void terminateTheLockHoldersConnection() throws SQLException {
		try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRESQL_URL,
				TestDatabases.POSTGRESQL_USER, ""); Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' "
					+ "AND pid <> pg_backend_pid()");
		}
	}

	private static InstanceLock lock(String url) {
		return new InstanceLock(new DatabaseProperties(url, null, null, 1), () -> {
		});
	}

}
