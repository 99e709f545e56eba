package org.haqqim.database;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.haqqim.system.Failures;
import org.haqqim.system.PersonForgotten;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes an erasure reach the disk. SQLite zeroes what is deleted ({@code secure_delete}),
 * but its write-ahead log still holds the pages as they were until a checkpoint: after a
 * person is forgotten, the log is copied into the database file and truncated, so that
 * their words cannot be read from either. It runs once the erasure is committed, on a
 * thread of its own, because SQLite has a single connection here and the erasing
 * transaction holds it until it ends.
 */
@Component
class ErasureCheckpoint implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ErasureCheckpoint.class);

	private final JdbcClient jdbc;

	private final boolean sqlite;

	private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "erasure-checkpoint");
		thread.setDaemon(true);
		return thread;
	});

	ErasureCheckpoint(JdbcClient jdbc, DatabaseProperties properties) {
		this.jdbc = jdbc;
		this.sqlite = properties.isSqlite();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void afterErasure(PersonForgotten forgotten) {
		if (this.sqlite) {
			this.executor.execute(this::checkpoint);
		}
	}

	private void checkpoint() {
		try {
			int busy = this.jdbc.sql("PRAGMA wal_checkpoint(TRUNCATE)").query((rs, row) -> rs.getInt(1)).single();
			if (busy != 0) {
				logger.warn("After an erasure the SQLite log could not be checkpointed at once; "
						+ "SQLite checkpoints it later by itself");
			}
		}
		catch (RuntimeException ex) {
			logger.warn("After an erasure the SQLite log could not be checkpointed ({})", Failures.describe(ex));
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		this.executor.awaitTermination(5, TimeUnit.SECONDS);
	}

}
