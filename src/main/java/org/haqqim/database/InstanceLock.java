package org.haqqim.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.haqqim.system.StartupRefusal;
import org.haqqim.system.WhenChatting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One bot per database (reliability case R16). A second bot started on the same database
 * would poll the same token, and the two would take each other's updates and send every
 * queued reply twice; so the second refuses to start, in one line, while the first keeps
 * running. The lock is one the operating system or the database server drops when its
 * holder dies, so a crash never leaves a stale lock behind: an SQLite database is locked
 * through a file next to it, a PostgreSQL one with a session advisory lock on a
 * connection of its own.
 */
@Component
@WhenChatting
class InstanceLock implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(InstanceLock.class);

	private final AutoCloseable held;

	InstanceLock(DatabaseProperties properties) {
		this.held = acquire(properties);
	}

	private static AutoCloseable acquire(DatabaseProperties properties) {
		if (properties.isSqlite()) {
			String location = properties.url().substring("jdbc:sqlite:".length()).split("\\?", 2)[0];
			if (location.isBlank() || location.startsWith(":memory:") || location.startsWith("file:")) {
				return () -> {
				};
			}
			return lockFile(Path.of(location + ".lock").toAbsolutePath(), properties);
		}
		return lockPostgresql(properties);
	}

	private static AutoCloseable lockFile(Path file, DatabaseProperties properties) {
		try {
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			FileLock lock;
			try {
				lock = channel.tryLock();
			}
			catch (OverlappingFileLockException ex) {
				lock = null;
			}
			if (lock == null) {
				channel.close();
				throw alreadyRunning(properties);
			}
			FileLock acquired = lock;
			return () -> {
				acquired.release();
				channel.close();
			};
		}
		catch (IOException ex) {
			throw new StartupRefusal(
					"cannot lock " + file + " to make sure only one bot uses the database: " + ex.getMessage(), ex);
		}
	}

	private static AutoCloseable lockPostgresql(DatabaseProperties properties) {
		Properties credentials = new Properties();
		if (properties.user() != null && !properties.user().isBlank()) {
			credentials.setProperty("user", properties.user());
		}
		if (properties.password() != null && !properties.password().isBlank()) {
			credentials.setProperty("password", properties.password());
		}
		try {
			Connection connection = DriverManager.getConnection(properties.url(), credentials);
			boolean acquired;
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(
							"SELECT pg_try_advisory_lock(hashtext('haqqim:' || current_database() || ':' || current_schema()))")) {
				acquired = result.next() && result.getBoolean(1);
			}
			if (!acquired) {
				connection.close();
				throw alreadyRunning(properties);
			}
			return connection;
		}
		catch (SQLException ex) {
			throw new StartupRefusal("cannot lock the database at " + properties.displayUrl()
					+ " to make sure only one bot uses it: " + ex.getMessage(), ex);
		}
	}

	private static StartupRefusal alreadyRunning(DatabaseProperties properties) {
		return new StartupRefusal("another Haqqim is already running on the database at " + properties.displayUrl()
				+ "; stop it first (two bots on one token take each other's messages)");
	}

	@Override
	public void destroy() {
		try {
			this.held.close();
		}
		catch (Exception ex) {
			logger.warn("The single-instance lock could not be released cleanly: {}", ex.getMessage());
		}
	}

}
