package org.haqqim.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.haqqim.system.StartupRefusal;
import org.haqqim.system.WhenChatting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One bot per database (reliability case R16). A second bot started on the same database
 * would poll the same token, and the two would take each other's updates and send every
 * queued reply twice; so the second refuses to start, in one line, while the first keeps
 * running. The lock is one the operating system or the database server drops when its
 * holder dies, so a crash never leaves a stale lock behind: an SQLite database is locked
 * through a file next to it, a PostgreSQL one with a session advisory lock on a
 * connection of its own.
 * <p>
 * PostgreSQL also drops the lock when it restarts, and then a second bot could take it
 * while this one goes on. So the lock's connection is checked every second, and a bot
 * that lost it stops at once, while the database is still down and nobody can take the
 * lock yet: started again (by its supervisor), it takes the lock back or refuses.
 */
@Component
@WhenChatting
class InstanceLock implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(InstanceLock.class);

	/** EX_TEMPFAIL: a supervisor should start the bot again. */
	static final int LOST_EXIT_CODE = 75;

	private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

	private static final int VALID_TIMEOUT_SECONDS = 5;

	private final AutoCloseable held;

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "instance-lock-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	@Autowired
	InstanceLock(DatabaseProperties properties) {
		this(properties, () -> {
			logger.error("The database connection holding the single-instance lock was lost (did PostgreSQL "
					+ "restart?); stopping, so that no second bot runs beside this one. Started again, the bot takes "
					+ "the lock back, or refuses while another bot holds it");
			new Thread(() -> System.exit(LOST_EXIT_CODE), "instance-lock-lost").start();
		});
	}

	/** {@code whenLost} runs once, when the lock is found to be gone. */
	InstanceLock(DatabaseProperties properties, Runnable whenLost) {
		this.held = acquire(properties);
		if (this.held instanceof Connection connection) {
			watch(connection, whenLost);
		}
	}

	private void watch(Connection connection, Runnable whenLost) {
		long interval = CHECK_INTERVAL.toMillis();
		this.watchdog.scheduleWithFixedDelay(() -> {
			if (!isValid(connection)) {
				this.watchdog.shutdown();
				whenLost.run();
			}
		}, interval, interval, TimeUnit.MILLISECONDS);
	}

	private static boolean isValid(Connection connection) {
		try {
			return connection.isValid(VALID_TIMEOUT_SECONDS);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	private static AutoCloseable acquire(DatabaseProperties properties) {
		if (properties.isSqlite()) {
			return properties.sqliteFile()
				.<AutoCloseable>map(file -> lockFile(Path.of(file + ".lock"), properties))
				.orElse(() -> {
				});
		}
		return lockPostgresql(properties);
	}

	static AutoCloseable lockFile(Path file, DatabaseProperties properties) {
		try {
			FileChannel channel = file.getFileSystem().supportedFileAttributeViews().contains("posix")
					? FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
							PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
					: FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
		this.watchdog.shutdownNow();
		try {
			this.held.close();
		}
		catch (Exception ex) {
			logger.warn("The single-instance lock could not be released cleanly: {}", ex.getMessage());
		}
	}

}
