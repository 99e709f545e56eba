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
 * One bot on duty per database (R16), and D4 of the reliability review: the lock held for
 * every spelling of an SQLite file; on PostgreSQL a second bot stands by and takes over
 * when the first stops, and a bot whose lock vanished with a restart stops instead of
 * going on beside the one that takes over.
 */
class InstanceLockTests {

	private static final Runnable NOTHING = () -> {
	};

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
	void aSecondBotOnPostgresqlStandsByAndTakesOverWhenTheFirstStops() {
		DatabaseProperties schema = postgresqlSchema();
		CountDownLatch tookOver = new CountDownLatch(1);
		InstanceLock first = new InstanceLock(schema, NOTHING, NOTHING);
		InstanceLock second = new InstanceLock(schema, NOTHING, tookOver::countDown);
		try {
			assertThat(first.isOnDuty()).isTrue();
			assertThat(second.isOnDuty()).as("the second stands by").isFalse();
			second.standBy();
			await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !second.isOnDuty());
			first.destroy();
			await().atMost(Duration.ofSeconds(10)).until(second::isOnDuty);
			assertThat(tookOver.getCount()).as("the takeover started the workers").isZero();
		}
		finally {
			first.destroy();
			second.destroy();
		}
	}

	@Test
	void aBotThatLosesItsPostgresqlLockStopsAndTheStandbyTakesOver() throws Exception {
		DatabaseProperties schema = postgresqlSchema();
		CountDownLatch stopped = new CountDownLatch(1);
		InstanceLock first = new InstanceLock(schema, stopped::countDown, NOTHING);
		InstanceLock second = new InstanceLock(schema, NOTHING, NOTHING);
		try {
			second.standBy();
			terminateTheLockHoldersConnection();
			assertThat(stopped.await(20, TimeUnit.SECONDS)).as("the first bot stops").isTrue();
			await().atMost(Duration.ofSeconds(10)).until(second::isOnDuty);
		}
		finally {
			first.destroy();
			second.destroy();
		}
	}

	@Test
	void aStandbyThatIsShuttingDownNeverTakesOver() {
		DatabaseProperties schema = postgresqlSchema();
		InstanceLock first = new InstanceLock(schema, NOTHING, NOTHING);
		InstanceLock second = new InstanceLock(schema, NOTHING, NOTHING);
		try {
			second.standBy();
			second.closing();
			first.destroy();
			await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> !second.isOnDuty());
		}
		finally {
			second.destroy();
		}
		InstanceLock third = new InstanceLock(schema, NOTHING, NOTHING);
		assertThat(third.isOnDuty()).as("the closed standby left the lock free").isTrue();
		third.destroy();
	}

	private static DatabaseProperties postgresqlSchema() {
		assertThat(TestDatabases.postgresqlAvailable()).as("PostgreSQL on 127.0.0.1:5432 (.ci/run starts it)").isTrue();
		return TestDatabases.freshPostgresqlSchema();
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
		return new InstanceLock(new DatabaseProperties(url, null, null, 1), NOTHING, NOTHING);
	}

}
