package org.haqqim.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Messages waiting to be sent. The {@link Replies} a feature returns are queued inside
 * the transaction that changes its state, so a message is queued exactly when the change
 * is committed; the {@link OutboxRelay} sends them afterwards and records what Telegram
 * answered.
 */
@Repository
public class Outbox {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final MessageSplitter splitter = new MessageSplitter(MessageSplitter.DEFAULT_LIMIT);

	private final WorkSignal queued = new WorkSignal();

	public Outbox(JdbcClient jdbc, ObjectMapper transportJson, Clock clock) {
		this.jdbc = jdbc;
		this.json = transportJson;
		this.clock = clock;
	}

	/**
	 * Queues what a feature returned, in its order, after dropping what was still queued
	 * for the chats it discards. A text too long for one message is queued as several,
	 * split at paragraph or line breaks, with the buttons under the last one.
	 */
	public void enqueue(Replies replies) {
		if (replies.isEmpty()) {
			return;
		}
		replies.forgottenChats().forEach(this::discardPendingFor);
		for (Replies.Reply reply : replies.messages()) {
			if (reply.message() instanceof OutboundMessage.Text text) {
				List<String> parts = this.splitter.split(text.html());
				for (int i = 0; i < parts.size(); i++) {
					boolean last = i == parts.size() - 1;
					insert(text.withHtml(parts.get(i), last ? text.keyboard() : null), reply.correlation(),
							reply.bulk());
				}
			}
			else {
				insert(reply.message(), reply.correlation(), reply.bulk());
			}
		}
		this.queued.signalAfterCommit();
	}

	private void insert(OutboundMessage message, String correlation, boolean bulk) {
		long now = this.clock.millis();
		this.jdbc.sql("""
				INSERT INTO outbox (chat_id, payload, correlation, status, attempts, next_attempt_at, created_at, bulk)
				VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
			.params(message.chatId(), encode(message), correlation, now, now, bulk ? 1 : 0)
			.update();
	}

	/**
	 * The oldest message waiting in each chat, oldest first, the chats whose next message
	 * is bulk (an announcement) after all others: the next one each chat may be sent.
	 * However long one chat's queue (a staff group at Telegram's 20 a minute), every
	 * other chat's next message is among them.
	 */
	List<Entry> heads(int limit) {
		return this.jdbc.sql("""
				SELECT id, chat_id, payload, correlation, attempts, next_attempt_at, created_at FROM outbox
				WHERE id IN (SELECT MIN(id) FROM outbox WHERE status = 'PENDING' GROUP BY chat_id)
				ORDER BY bulk, id LIMIT ?""")
			.param(limit)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getLong("chat_id"), decode(rs.getString("payload")),
					rs.getString("correlation"), rs.getInt("attempts"),
					Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
					Instant.ofEpochMilli(rs.getLong("created_at"))))
			.list();
	}

	/**
	 * Marks a message as being sent, if it is still waiting; false when it is not (sent
	 * or taken already, seen in an older snapshot), and then it must not be sent. After a
	 * crash rows marked so are sent again: the one window in which a message can be
	 * repeated, since Telegram offers bots no idempotency key.
	 */
	boolean markSending(long id) {
		return this.jdbc
			.sql("UPDATE outbox SET status = 'SENDING', attempts = attempts + 1 WHERE id = ? AND status = 'PENDING'")
			.param(id)
			.update() == 1;
	}

	/**
	 * Marks a message sent and erases its content and its chat, which are no longer
	 * needed: a sent row says only that something was sent, and when.
	 */
	void markSent(long id, Long telegramMessageId) {
		this.jdbc.sql("""
				UPDATE outbox SET status = 'SENT', chat_id = 0, payload = '', telegram_message_id = ?, error = NULL,
				sent_at = ? WHERE id = ?""").params(telegramMessageId, this.clock.millis(), id).update();
	}

	/**
	 * Puts a message back in the queue until {@code at}; a wait Telegram asked for does
	 * not count as an attempt.
	 */
	void reschedule(long id, Instant at, String error, boolean countAsAttempt) {
		this.jdbc.sql("""
				UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, error = ?,
				attempts = attempts - ? WHERE id = ?""")
			.params(at.toEpochMilli(), Inbox.truncate(error), countAsAttempt ? 0 : 1, id)
			.update();
	}

	void markFailed(long id, String error) {
		this.jdbc
			.sql("UPDATE outbox SET status = 'FAILED', chat_id = 0, payload = '', error = ?, sent_at = ? WHERE id = ?")
			.params(Inbox.truncate(error), this.clock.millis(), id)
			.update();
	}

	/**
	 * Returns messages that were being sent when the process stopped to the queue;
	 * returns how many.
	 */
	int recoverInterrupted() {
		return this.jdbc.sql("UPDATE outbox SET status = 'PENDING' WHERE status = 'SENDING'").update();
	}

	/**
	 * Returns to the queue rows left marked as being sent although no send is under way
	 * (their result could not be recorded because the database failed); returns how many.
	 */
	int recoverStale(Set<Long> inFlight) {
		List<Long> sending = this.jdbc.sql("SELECT id FROM outbox WHERE status = 'SENDING'").query(Long.class).list();
		int recovered = 0;
		for (long id : sending) {
			if (!inFlight.contains(id)) {
				recovered += this.jdbc.sql("UPDATE outbox SET status = 'PENDING' WHERE id = ? AND status = 'SENDING'")
					.param(id)
					.update();
			}
		}
		return recovered;
	}

	public long countPending() {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status IN ('PENDING', 'SENDING')")
			.query(Long.class)
			.single();
	}

	/**
	 * How many messages wait for a kind of chat (groups: staff; private chats: people),
	 * and since when the oldest has waited.
	 */
	public Waiting waiting(boolean toGroups) {
		return this.jdbc
			.sql("SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM outbox WHERE status IN ('PENDING', 'SENDING') "
					+ "AND chat_id " + (toGroups ? "< 0" : "> 0"))
			.query((rs, row) -> {
				long oldest = rs.getLong("oldest");
				return new Waiting(rs.getLong("n"), rs.wasNull() ? null : Instant.ofEpochMilli(oldest));
			})
			.single();
	}

	/**
	 * @param oldest when the oldest waiting message was queued, or null when none waits
	 */
	public record Waiting(long count, Instant oldest) {
	}

	public long countFailed() {
		return this.jdbc.sql("SELECT COUNT(*) FROM outbox WHERE status = 'FAILED'").query(Long.class).single();
	}

	/**
	 * Erases sent and failed messages older than the given age, a batch at a time as the
	 * inbox does; returns how many.
	 */
	public int purgeFinished(Duration olderThan) {
		long before = this.clock.millis() - olderThan.toMillis();
		int purged = 0;
		int deleted;
		do {
			deleted = this.jdbc.sql("""
					DELETE FROM outbox WHERE id IN (SELECT id FROM outbox
					WHERE sent_at < ? AND status IN ('SENT', 'FAILED') LIMIT ?)""")
				.params(before, Inbox.PURGE_BATCH)
				.update();
			purged += deleted;
		}
		while (deleted == Inbox.PURGE_BATCH && Inbox.pauseBetweenBatches());
		return purged;
	}

	/** Erases everything still queued for a chat (a person who asked to be forgotten). */
	private void discardPendingFor(long chatId) {
		this.jdbc.sql("DELETE FROM outbox WHERE chat_id = ? AND status = 'PENDING'").param(chatId).update();
	}

	void awaitQueued(Duration timeout) throws InterruptedException {
		this.queued.await(timeout);
	}

	void wake() {
		this.queued.signal();
	}

	private String encode(OutboundMessage message) {
		try {
			return this.json.writeValueAsString(message);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(
					"Outbound message of type " + message.getClass().getSimpleName() + " could not be written as JSON",
					ex);
		}
	}

	/**
	 * The message, or empty when its stored form can no longer be read (an older version
	 * wrote it).
	 */
	private Optional<OutboundMessage> decode(String payload) {
		try {
			return Optional.of(this.json.readValue(payload, OutboundMessage.class));
		}
		catch (JsonProcessingException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A queued message; {@code message} is empty when its stored form can no longer be
	 * read.
	 */
	record Entry(long id, long chatId, Optional<OutboundMessage> message, String correlation, int attempts,
			Instant nextAttemptAt, Instant createdAt) {
	}

}
