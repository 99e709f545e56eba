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
import java.util.Comparator;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.haqqim.system.Duty;
import org.haqqim.system.StartupRefusal;
import org.haqqim.system.WhenChatting;
import org.haqqim.system.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One bot on duty per database (reliability case R16). Two bots polling the same token
 * would take each other's updates and send every queued reply twice. The lock is one the
 * operating system or the database server drops when its holder dies, so a crash never
 * leaves a stale lock behind: an SQLite database is locked through a file next to it, a
 * PostgreSQL one with a session advisory lock on a connection of its own.
 * <p>
 * On SQLite a second bot refuses to start, in one line. On PostgreSQL it stands by (issue
 * 19): it starts, says so in its log and its readiness, and tries the lock every second;
 * when the bot on duty dies, the server drops its lock, and the standby takes it and
 * starts the workers. The lock's session asks the server to probe an idle client every
 * few seconds, so that a holder whose machine vanished loses the lock in about
 * {@value #SERVER_NOTICES_SECONDS} s rather than after the two hours of the system
 * default.
 * <p>
 * PostgreSQL also drops the lock when it restarts or loses sight of the holder, and then
 * the standby may take it while the holder goes on. So the holder checks its lock's
 * connection every second and stops at once when it is gone: a holder cut off from the
 * server stops within {@value #VALID_TIMEOUT_SECONDS} s, before the server gives its lock
 * away. Started again by its supervisor, it stands by.
 */
@Component
@WhenChatting
class InstanceLock implements Duty, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(InstanceLock.class);

	/** EX_TEMPFAIL: a supervisor should start the bot again. */
	static final int LOST_EXIT_CODE = 75;

	private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

	private static final int VALID_TIMEOUT_SECONDS = 5;

	/**
	 * The server probes the lock's idle client after 5 s, then 3 times 2 s apart: a
	 * holder that vanished loses the lock in about 11 s.
	 */
	private static final int PROBE_AFTER_IDLE_SECONDS = 5;

	private static final int PROBE_INTERVAL_SECONDS = 2;

	private static final int PROBES = 3;

	private static final String TRY_LOCK = "SELECT pg_try_advisory_lock(hashtext('haqqim:' || current_database() "
			+ "|| ':' || current_schema()))";

	private final DatabaseProperties properties;

	private final Runnable whenLost;

	private final Runnable whenTakenOver;

	private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "instance-lock-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	/** Guarded by {@code this}: the lock while on duty, else null. */
	private AutoCloseable held;

	/** Guarded by {@code this}: the connection that tries the lock while standing by. */
	private Connection standbyConnection;

	/**
	 * Guarded by {@code this}: once the application closes, a standby never takes over.
	 */
	private boolean closing;

	/** Guarded by {@code this}: the standby's tries, every second. */
	private ScheduledFuture<?> tries;

	private volatile boolean onDuty;

	@Autowired
	InstanceLock(DatabaseProperties properties, ObjectProvider<Worker> workers) {
		this(properties, () -> {
			logger.error("The database connection holding the single-instance lock was lost (did PostgreSQL "
					+ "restart?); stopping, so that no second bot runs beside this one. Started again, the bot takes "
					+ "the lock back, or stands by while another bot holds it");
			new Thread(() -> System.exit(LOST_EXIT_CODE), "instance-lock-lost").start();
		}, () -> workers.stream()
			.sorted(Comparator.comparingInt(Worker::getPhase))
			.filter(worker -> !worker.isRunning())
			.forEach(Worker::start));
	}

	/**
	 * {@code whenLost} runs once, when the lock is found to be gone;
	 * {@code whenTakenOver} once, when a standby takes the lock.
	 */
	InstanceLock(DatabaseProperties properties, Runnable whenLost, Runnable whenTakenOver) {
		this.properties = properties;
		this.whenLost = whenLost;
		this.whenTakenOver = whenTakenOver;
		if (properties.isSqlite()) {
			this.held = properties.sqliteFile()
				.<AutoCloseable>map(file -> lockFile(Path.of(file + ".lock"), properties))
				.orElse(() -> {
				});
			this.onDuty = true;
			return;
		}
		try {
			Connection connection = connect();
			if (tryLock(connection)) {
				takeDuty(connection);
			}
			else {
				this.standbyConnection = connection;
				logger.warn("Another Haqqim is on duty on the database at {}; this one stands by, and takes over "
						+ "within seconds when that one stops", properties.displayUrl());
			}
		}
		catch (SQLException ex) {
			throw new StartupRefusal("cannot lock the database at " + properties.displayUrl()
					+ " to make sure only one bot uses it: " + ex.getMessage(), ex);
		}
	}

	@Override
	public boolean isOnDuty() {
		return this.onDuty;
	}

	/**
	 * A standby begins to try the lock once the application has started, so that a
	 * takeover never races the start of the workers.
	 */
	@EventListener(ApplicationReadyEvent.class)
	synchronized void standBy() {
		if (!this.onDuty && this.tries == null) {
			long interval = CHECK_INTERVAL.toMillis();
			this.tries = this.watchdog.scheduleWithFixedDelay(this::tryToTakeOver, interval, interval,
					TimeUnit.MILLISECONDS);
		}
	}

	@EventListener(ContextClosedEvent.class)
	synchronized void closing() {
		this.closing = true;
	}

	private synchronized void tryToTakeOver() {
		if (this.onDuty || this.closing) {
			return;
		}
		try {
			if (this.standbyConnection == null || this.standbyConnection.isClosed()) {
				this.standbyConnection = connect();
			}
			if (!tryLock(this.standbyConnection)) {
				return;
			}
		}
		catch (SQLException ex) {
			logger.warn("Standing by, but the database at {} cannot be reached: {}", this.properties.displayUrl(),
					ex.getMessage());
			closeQuietly(this.standbyConnection);
			this.standbyConnection = null;
			return;
		}
		this.tries.cancel(false);
		Connection connection = this.standbyConnection;
		this.standbyConnection = null;
		takeDuty(connection);
		logger.warn("The Haqqim on duty on the database at {} stopped; this one takes over",
				this.properties.displayUrl());
		this.whenTakenOver.run();
	}

	private void takeDuty(Connection connection) {
		this.held = connection;
		this.onDuty = true;
		long interval = CHECK_INTERVAL.toMillis();
		this.watchdog.scheduleWithFixedDelay(() -> {
			if (!isValid(connection)) {
				this.watchdog.shutdown();
				this.whenLost.run();
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

	private Connection connect() throws SQLException {
		Properties credentials = new Properties();
		if (this.properties.user() != null && !this.properties.user().isBlank()) {
			credentials.setProperty("user", this.properties.user());
		}
		if (this.properties.password() != null && !this.properties.password().isBlank()) {
			credentials.setProperty("password", this.properties.password());
		}
		Connection connection = DriverManager.getConnection(this.properties.url(), credentials);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SET tcp_keepalives_idle = " + PROBE_AFTER_IDLE_SECONDS);
			statement.execute("SET tcp_keepalives_interval = " + PROBE_INTERVAL_SECONDS);
			statement.execute("SET tcp_keepalives_count = " + PROBES);
		}
		return connection;
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(TRY_LOCK)) {
			return result.next() && result.getBoolean(1);
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection == null) {
			return;
		}
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Closing the standby's connection failed: {}", ex.getMessage());
		}
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

	private static StartupRefusal alreadyRunning(DatabaseProperties properties) {
		return new StartupRefusal("another Haqqim is already running on the database at " + properties.displayUrl()
				+ "; stop it first (two bots on one token take each other's messages)");
	}

	@Override
	public void destroy() {
		this.watchdog.shutdownNow();
		synchronized (this) {
			closeQuietly(this.standbyConnection);
			if (this.held == null) {
				return;
			}
			try {
				this.held.close();
			}
			catch (Exception ex) {
				logger.warn("The single-instance lock could not be released cleanly: {}", ex.getMessage());
			}
		}
	}

}
