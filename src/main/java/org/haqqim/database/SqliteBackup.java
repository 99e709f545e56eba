package org.haqqim.database;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.haqqim.system.StartupRefusal;
import org.sqlite.SQLiteConfig;

/**
 * A copy of an SQLite database, and the database put back from one. A backup is taken
 * while the bot runs, as one consistent snapshot ({@code VACUUM INTO}); a restore is
 * refused while a bot holds the database, and replaces it whole, its write-ahead log
 * included, readable by its owner only. PostgreSQL has {@code pg_dump} for this.
 */
public final class SqliteBackup {

	private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

	private final DatabaseProperties properties;

	private final Path database;

	private SqliteBackup(DatabaseProperties properties, Path database) {
		this.properties = properties;
		this.database = database;
	}

	/**
	 * The database of {@code DATABASE_URL}; refused for one that is not an SQLite file.
	 */
	public static SqliteBackup of(String databaseUrl) {
		DatabaseProperties properties = new DatabaseProperties(databaseUrl, null, null, 1);
		if (!properties.isSqlite()) {
			throw new StartupRefusal("DATABASE_URL is " + properties.displayUrl()
					+ ": back up PostgreSQL with pg_dump (README: Backup and restore)");
		}
		Path file = properties.sqliteFile()
			.orElseThrow(
					() -> new StartupRefusal("DATABASE_URL is an in-memory database: there is nothing to back up"));
		return new SqliteBackup(properties, file);
	}

	/** Writes a snapshot of the database to {@code copy}, which must not exist yet. */
	public void backup(Path copy) {
		if (!Files.exists(this.database)) {
			throw new StartupRefusal("there is no database at " + this.database + " to back up");
		}
		if (Files.exists(copy)) {
			throw new StartupRefusal(copy + " exists already: name a new file, so that no backup is overwritten");
		}
		try (Connection connection = DriverManager.getConnection(this.properties.url());
				PreparedStatement vacuum = connection.prepareStatement("VACUUM INTO ?")) {
			vacuum.setString(1, copy.toAbsolutePath().toString());
			vacuum.execute();
			ownerOnly(copy);
		}
		catch (SQLException | IOException ex) {
			throw new StartupRefusal("the backup to " + copy + " failed: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Replaces the database with {@code copy}, a backup of a Haqqim database; refused
	 * while a bot runs on it.
	 */
	public void restore(Path copy) {
		if (!Files.isRegularFile(copy)) {
			throw new StartupRefusal("there is no backup at " + copy);
		}
		checkIsABackup(copy);
		Path directory = this.database.toAbsolutePath().getParent();
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new StartupRefusal("cannot create " + directory + " for the database: " + ex.getMessage(), ex);
		}
		try (AutoCloseable lock = InstanceLock.lockFile(Path.of(this.database + ".lock"), this.properties)) {
			Path incoming = Files.createTempFile(directory, ".restore-", ".db");
			Files.copy(copy, incoming, StandardCopyOption.REPLACE_EXISTING);
			ownerOnly(incoming);
			Files.deleteIfExists(Path.of(this.database + "-wal"));
			Files.deleteIfExists(Path.of(this.database + "-shm"));
			Files.move(incoming, this.database, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (StartupRefusal refused) {
			throw refused;
		}
		catch (Exception ex) {
			throw new StartupRefusal("the restore from " + copy + " failed: " + ex.getMessage(), ex);
		}
	}

	private static void checkIsABackup(Path copy) {
		if (!startsLikeSqlite(copy)) {
			throw new StartupRefusal(copy + " is not a backup of Haqqim's database: it is not an SQLite file");
		}
		SQLiteConfig readOnly = new SQLiteConfig();
		readOnly.setReadOnly(true);
		try (Connection connection = readOnly.createConnection("jdbc:sqlite:" + copy.toAbsolutePath());
				Statement statement = connection.createStatement();
				ResultSet tables = statement.executeQuery(
						"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('flyway_schema_history', "
								+ "'report_case', 'chat_user')")) {
			if (!tables.next() || tables.getInt(1) < 3) {
				throw new StartupRefusal(copy + " is an SQLite file but not a backup of Haqqim's database");
			}
		}
		catch (SQLException ex) {
			throw new StartupRefusal(copy + " is not a backup of Haqqim's database: " + ex.getMessage(), ex);
		}
	}

	private static boolean startsLikeSqlite(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return Arrays.equals(in.readNBytes(SQLITE_HEADER.length), SQLITE_HEADER);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void ownerOnly(Path file) throws IOException {
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
