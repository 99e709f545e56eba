package org.haqqim.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Migrated databases for repository tests: a fresh SQLite file, or a fresh schema in the
 * PostgreSQL that {@code .ci/run} starts on 127.0.0.1:5432. Built with the production
 * configuration, so the tests see the same pragmas and migrations the bot runs with.
 */
public final class TestDatabases {

	public static final String POSTGRESQL_URL = "jdbc:postgresql://127.0.0.1:5432/test";

	public static final String POSTGRESQL_USER = "postgres";

	private TestDatabases() {
	}

	public static DataSource sqlite(Path directory) {
		DatabaseProperties properties = new DatabaseProperties("jdbc:sqlite:" + directory.resolve("test.db"), null,
				null, 1);
		return migrate(properties);
	}

	/** A migrated, empty schema of its own in the local PostgreSQL. */
	public static DataSource postgresql() {
		return migrate(freshPostgresqlSchema());
	}

	/**
	 * Whether the local PostgreSQL answers; the PostgreSQL variants of tests run only
	 * then.
	 */
	public static boolean postgresqlAvailable() {
		try (Connection connection = DriverManager.getConnection(POSTGRESQL_URL + "?connectTimeout=2", POSTGRESQL_USER,
				"")) {
			return connection.isValid(2);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	public static void close(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource hikari) {
			hikari.close();
		}
	}

	private static DataSource migrate(DatabaseProperties properties) {
		DataSource dataSource = open(properties);
		flyway(properties, dataSource).load().migrate();
		return dataSource;
	}

	/** The database as the bot opens it, not yet migrated. */
	static DataSource open(DatabaseProperties properties) {
		return new DatabaseConfiguration().dataSource(properties);
	}

	/** The bot's migrations, with the placeholders of the database's dialect. */
	static FluentConfiguration flyway(DatabaseProperties properties, DataSource dataSource) {
		FluentConfiguration flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
		new DatabaseConfiguration().dialectPlaceholders(properties).customize(flyway);
		return flyway;
	}

	/** Properties of a fresh, empty schema of its own in the local PostgreSQL. */
	static DatabaseProperties freshPostgresqlSchema() {
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection connection = DriverManager.getConnection(POSTGRESQL_URL, POSTGRESQL_USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL schema could not be created", ex);
		}
		return new DatabaseProperties(POSTGRESQL_URL + "?currentSchema=" + schema, POSTGRESQL_USER, "", 4);
	}

}
