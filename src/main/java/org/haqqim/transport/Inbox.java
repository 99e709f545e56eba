package org.haqqim.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every update the bot receives, committed before Telegram is told it was received. The
 * unique update id makes a batch delivered twice a no-op; the offset for the next poll is
 * stored in the same transaction, so it never moves past an update that is not in the
 * database.
 */
@Repository
public class Inbox {

	private static final String OFFSET = "next_update_offset";

	/**
	 * How many rows one retention statement erases: each is its own short transaction, so
	 * that the bot's own writes never wait long behind a purge of a million rows.
	 */
	static final int PURGE_BATCH = 1000;

	private static final Duration PURGE_PAUSE = Duration.ofMillis(10);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final Clock clock;

	private final WorkSignal arrivals = new WorkSignal();

	public Inbox(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper transportJson, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = transportJson;
		this.clock = clock;
	}

	/** The offset to ask Telegram for next: one past the last update committed here. */
	public long nextOffset() {
		return this.jdbc.sql("SELECT value FROM poller_state WHERE name = ?")
			.param(OFFSET)
			.query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Commits a batch of events and the offset that confirms them, all or nothing. */
	public void store(List<InboundEvent> events, long nextOffset) {
		store(new UpdateBatch(events, List.of(), nextOffset));
	}

	/**
	 * Commits a poll's answer and the offset that confirms it, all or nothing. What could
	 * not be read is kept as a failed row with the update as it came: never handled, and
	 * purged with the other handled rows.
	 */
	public void store(UpdateBatch batch) {
		long now = this.clock.millis();
		long nextOffset = batch.nextOffset();
		this.transactions.executeWithoutResult(status -> {
			for (InboundEvent event : batch.events()) {
				insert(event, now);
			}
			for (UnreadableUpdate update : batch.unreadable()) {
				insert(update, now);
			}
			this.jdbc.sql("""
					INSERT INTO poller_state (name, value) VALUES (?, ?)
					ON CONFLICT (name) DO UPDATE SET value = excluded.value""").params(OFFSET, nextOffset).update();
		});
		this.arrivals.signal();
	}

	/** Commits one event that did not come from Telegram (the console chat). */
	public void store(InboundEvent event) {
		insert(event, this.clock.millis());
		this.arrivals.signalAfterCommit();
	}

	/**
	 * Adds an event unless its update is already here: a batch delivered twice creates
	 * nothing twice.
	 */
	private void insert(InboundEvent event, long now) {
		this.jdbc.sql("""
				INSERT INTO inbox (update_id, chat_id, payload, status, attempts, next_attempt_at, received_at)
				VALUES (?, ?, ?, 'PENDING', 0, ?, ?)
				ON CONFLICT (update_id) DO NOTHING""")
			.params(event.origin().updateId(), event.origin().chatId(), encode(event), now, now)
			.update();
	}

	private void insert(UnreadableUpdate update, long now) {
		this.jdbc.sql("""
				INSERT INTO inbox (update_id, chat_id, payload, status, attempts, next_attempt_at, error, received_at,
				                   processed_at)
				VALUES (?, ?, ?, 'FAILED', 0, ?, ?, ?, ?)
				ON CONFLICT (update_id) DO NOTHING""")
			.params(update.updateId(), update.chatId(), update.raw(), now, truncate("unreadable: " + update.reason()),
					now, now)
			.update();
	}

	/** The highest update id ever stored, for adapters that number their own events. */
	public long highestUpdateId() {
		return this.jdbc.sql("SELECT COALESCE(MAX(update_id), 0) FROM inbox").query(Long.class).single();
	}

	/** Updates not yet handled, oldest first, including those waiting for a retry. */
	List<Entry> pending(int limit) {
		return this.jdbc.sql("""
				SELECT update_id, chat_id, payload, attempts, next_attempt_at FROM inbox
				WHERE status = 'PENDING' ORDER BY update_id LIMIT ?""")
			.param(limit)
			.query((rs, row) -> new Entry(rs.getLong("update_id"), rs.getLong("chat_id"),
					decode(rs.getString("payload")), rs.getInt("attempts"),
					Instant.ofEpochMilli(rs.getLong("next_attempt_at"))))
			.list();
	}

	/**
	 * Marks updates handled, in one statement, and erases their content and their chat;
	 * the ids stay for de-duplication. One that was marked failed meanwhile (its stored
	 * form could not be read) stays failed.
	 */
	void markDone(List<Long> updateIds) {
		this.jdbc.sql("""
				UPDATE inbox SET status = 'DONE', chat_id = 0, payload = NULL, processed_at = :now
				WHERE update_id IN (:ids) AND status = 'PENDING'""")
			.param("now", this.clock.millis())
			.param("ids", updateIds)
			.update();
	}

	void recordFailure(long updateId, String error, Instant retryAt) {
		this.jdbc.sql("UPDATE inbox SET attempts = attempts + 1, error = ?, next_attempt_at = ? WHERE update_id = ?")
			.params(truncate(error), retryAt.toEpochMilli(), updateId)
			.update();
	}

	/** Gives up on an update: it stays for operators to inspect, without its content. */
	void markFailed(long updateId, String error) {
		this.jdbc.sql("""
				UPDATE inbox SET status = 'FAILED', chat_id = 0, attempts = attempts + 1, error = ?, payload = NULL,
				processed_at = ? WHERE update_id = ?""")
			.params(truncate(error), this.clock.millis(), updateId)
			.update();
	}

	/**
	 * Erases the updates of a chat that stayed as they came because they could not be
	 * read (a person who asked to be forgotten). Handled updates no longer name a chat.
	 */
	void forget(long chatId) {
		this.jdbc.sql("DELETE FROM inbox WHERE chat_id = ? AND status = 'FAILED'").param(chatId).update();
	}

	public long countPending() {
		return this.jdbc.sql("SELECT COUNT(*) FROM inbox WHERE status = 'PENDING'").query(Long.class).single();
	}

	public long countFailed() {
		return this.jdbc.sql("SELECT COUNT(*) FROM inbox WHERE status = 'FAILED'").query(Long.class).single();
	}

	/**
	 * Erases handled updates older than the given age, {@value #PURGE_BATCH} at a time;
	 * returns how many.
	 */
	public int purgeProcessed(Duration olderThan) {
		long before = this.clock.millis() - olderThan.toMillis();
		int purged = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql("""
					DELETE FROM inbox WHERE update_id IN (SELECT update_id FROM inbox
					WHERE processed_at < ? AND status <> 'PENDING' LIMIT ?)""").params(before, PURGE_BATCH).update();
			purged += deleted;
		}
		while (deleted == PURGE_BATCH && pauseBetweenBatches());
		return purged;
	}

	/**
	 * Lets the bot's own writes take the database between two batches of a purge (SQLite
	 * has one connection, which the purge would otherwise take back at once); false when
	 * the purge should stop because the bot is stopping.
	 */
	static boolean pauseBetweenBatches() {
		try {
			Thread.sleep(PURGE_PAUSE.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void awaitArrivals(Duration timeout) throws InterruptedException {
		this.arrivals.await(timeout);
	}

	void wake() {
		this.arrivals.signal();
	}

	private String encode(InboundEvent event) {
		try {
			return this.json.writeValueAsString(event);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(
					"Inbound event of type " + event.getClass().getSimpleName() + " could not be written as JSON", ex);
		}
	}

	/**
	 * The event, or empty when its stored form can no longer be read (an older version
	 * wrote it).
	 */
	private Optional<InboundEvent> decode(String payload) {
		if (payload == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(this.json.readValue(payload, InboundEvent.class));
		}
		catch (JsonProcessingException ex) {
			return Optional.empty();
		}
	}

	static String truncate(String error) {
		return error.length() <= 500 ? error : error.substring(0, 500);
	}

	/**
	 * An update waiting to be handled; {@code event} is empty when its stored form can no
	 * longer be read.
	 */
	record Entry(long updateId, long chatId, Optional<InboundEvent> event, int attempts, Instant nextAttemptAt) {
	}

}
