package org.haqqim.transport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages waiting to be sent. The {@link Replies} a feature returns are queued inside
 * the transaction that changes its state, so a message is queued exactly when the change
 * is committed; the {@link OutboxRelay} sends them afterwards and records what Telegram
 * answered. Chats with something waiting stand in a line ({@code outbox_chat}): a
 * person's first answer goes before every follow-up (a chat's next message after one of
 * its messages went), and these before announcements; within each, the chat that has
 * waited longest goes first. The relay reads only the front of the line, however long the
 * queue.
 */
@Repository
public class Outbox {

	private static final Logger logger = LoggerFactory.getLogger(Outbox.class);

	/** The rank of a chat whose next message is the first it gets since it was idle. */
	private static final int FIRST = 0;

	/** The rank of a chat whose next message follows one of its messages that went. */
	private static final int FOLLOW_UP = 1;

	/** The rank of a chat whose next message is an announcement. */
	private static final int BULK = 2;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ObjectMapper json;

	private final Clock clock;

	private final MessageSplitter splitter = new MessageSplitter(MessageSplitter.DEFAULT_LIMIT);

	private final WorkSignal queued = new WorkSignal();

	public Outbox(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper transportJson, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
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
		this.transactions.executeWithoutResult(status -> {
			replies.forgottenChats().forEach(this::discardPendingFor);
			Map<Long, Joining> joining = new LinkedHashMap<>();
			for (Replies.Reply reply : replies.messages()) {
				if (reply.message() instanceof OutboundMessage.Text text) {
					List<String> parts = this.splitter.split(text.html());
					for (int i = 0; i < parts.size(); i++) {
						boolean last = i == parts.size() - 1;
						insert(text.withHtml(parts.get(i), last ? text.keyboard() : null), reply.correlation(),
								reply.bulk(), joining);
					}
				}
				else {
					insert(reply.message(), reply.correlation(), reply.bulk(), joining);
				}
			}
			joining.forEach((chatId, chat) -> joinLine(chatId, chat.messages(), chat.bulk(), this.clock.millis()));
		});
		this.queued.signalAfterCommit();
	}

	private void insert(OutboundMessage message, String correlation, boolean bulk, Map<Long, Joining> joining) {
		long now = this.clock.millis();
		this.jdbc.sql("""
				INSERT INTO outbox (chat_id, payload, correlation, status, attempts, next_attempt_at, created_at, bulk)
				VALUES (?, ?, ?, 'PENDING', 0, ?, ?, ?)""")
			.params(message.chatId(), encode(message), correlation, now, now, bulk ? 1 : 0)
			.update();
		joining.merge(message.chatId(), new Joining(1, bulk),
				(first, more) -> new Joining(first.messages() + 1, first.bulk()));
	}

	/**
	 * What one {@link #enqueue} adds for a chat: how many messages, and whether the first
	 * is bulk. One statement a chat joins the line, not one a message.
	 */
	private record Joining(int messages, boolean bulk) {
	}

	/**
	 * Puts the chat at the back of its rank in the line, or counts one more message for
	 * it when it stands there already. The update takes the chat's row lock, so that a
	 * concurrent {@link #leaveLine} counts this message too (PostgreSQL; SQLite writes
	 * one at a time).
	 */
	private void joinLine(long chatId, int messages, boolean bulk, long now) {
		this.jdbc.sql("""
				INSERT INTO outbox_chat (chat_id, waiting, rank, turn_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (chat_id) DO UPDATE SET waiting = outbox_chat.waiting + excluded.waiting""")
			.params(chatId, messages, bulk ? BULK : FIRST, now)
			.update();
	}

	/**
	 * Counts messages of a chat as gone (sent, failed or discarded): the chat leaves the
	 * line when none is left, and otherwise goes to the back of the follow-ups (or of the
	 * announcements, when its next message is one).
	 */
	private void leaveLine(long chatId, int messages) {
		this.jdbc.sql("""
				UPDATE outbox_chat SET waiting = waiting - ?, turn_at = ?,
				rank = COALESCE((SELECT CASE WHEN bulk = 1 THEN ? ELSE ? END FROM outbox WHERE id =
				(SELECT MIN(id) FROM outbox WHERE chat_id = ? AND status IN ('PENDING', 'SENDING'))), rank)
				WHERE chat_id = ?""").params(messages, this.clock.millis(), BULK, FOLLOW_UP, chatId, chatId).update();
		this.jdbc.sql("DELETE FROM outbox_chat WHERE chat_id = ? AND waiting <= 0").param(chatId).update();
	}

	/** Moves a chat's turn to when its next message may go. */
	private void waitInLine(long chatId, Instant at) {
		this.jdbc.sql("UPDATE outbox_chat SET turn_at = ? WHERE chat_id = ?")
			.params(at.toEpochMilli(), chatId)
			.update();
	}

	/**
	 * The next message of the chats at the front of the line, in its order: first
	 * answers, then follow-ups, then announcements. However long one chat's queue (a
	 * staff group at Telegram's 20 a minute), it is one place in the line; and the cost
	 * of this read does not grow with the queue.
	 */
	List<Entry> heads(int limit) {
		return this.jdbc.sql("""
				SELECT o.id, o.chat_id, o.correlation, o.attempts, o.next_attempt_at, o.created_at
				FROM outbox_chat c JOIN outbox o ON o.id = (SELECT MIN(id) FROM outbox WHERE chat_id = c.chat_id
				AND status IN ('PENDING', 'SENDING'))
				WHERE o.status = 'PENDING' ORDER BY c.rank, c.turn_at LIMIT ?""")
			.param(limit)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("correlation"),
					rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")),
					Instant.ofEpochMilli(rs.getLong("created_at"))))
			.list();
	}

	/**
	 * The message, read only for one about to go, not for every one looked at; empty when
	 * it no longer waits (sent meanwhile, seen in an older snapshot) or when its stored
	 * form can no longer be read (an older version wrote it), and then it is marked
	 * failed.
	 */
	Optional<OutboundMessage> message(Entry entry) {
		Optional<String> payload = this.jdbc.sql("SELECT payload FROM outbox WHERE id = ? AND status = 'PENDING'")
			.param(entry.id())
			.query(String.class)
			.optional();
		Optional<OutboundMessage> message = payload.flatMap(this::decode);
		if (payload.isPresent() && message.isEmpty()) {
			markFailed(entry, "stored message could not be read");
			logger.error("Outbox message {} marked failed: its stored form could not be read", entry.id());
		}
		return message;
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
	void markSent(Entry entry, Long telegramMessageId) {
		this.transactions.executeWithoutResult(status -> {
			int sent = this.jdbc.sql("""
					UPDATE outbox SET status = 'SENT', chat_id = 0, payload = '', telegram_message_id = ?, error = NULL,
					sent_at = ? WHERE id = ? AND status IN ('PENDING', 'SENDING')""")
				.params(telegramMessageId, this.clock.millis(), entry.id())
				.update();
			if (sent == 1) {
				leaveLine(entry.chatId(), 1);
			}
		});
	}

	/**
	 * Puts a message back in the queue until {@code at}, its chat behind every chat that
	 * may be sent to before then; a wait Telegram asked for does not count as an attempt.
	 */
	void reschedule(Entry entry, Instant at, String error, boolean countAsAttempt) {
		this.transactions.executeWithoutResult(status -> {
			putBack(entry, at, error, countAsAttempt);
			waitInLine(entry.chatId(), at);
		});
	}

	/**
	 * Puts a message back in the queue until {@code at}, its chat keeping its place in
	 * the line: it lost its turn in Telegram's limits to another send a moment ago, and
	 * going to the back each time could keep a person waiting behind everyone's
	 * follow-ups.
	 */
	void holdBack(Entry entry, Instant at) {
		putBack(entry, at, "waiting for its turn in Telegram's limits", false);
	}

	private void putBack(Entry entry, Instant at, String error, boolean countAsAttempt) {
		this.jdbc.sql("""
				UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, error = ?,
				attempts = attempts - ? WHERE id = ?""")
			.params(at.toEpochMilli(), Inbox.truncate(error), countAsAttempt ? 0 : 1, entry.id())
			.update();
	}

	void markFailed(Entry entry, String error) {
		this.transactions.executeWithoutResult(status -> {
			int failed = this.jdbc
				.sql("UPDATE outbox SET status = 'FAILED', chat_id = 0, payload = '', error = ?, sent_at = ? "
						+ "WHERE id = ? AND status IN ('PENDING', 'SENDING')")
				.params(Inbox.truncate(error), this.clock.millis(), entry.id())
				.update();
			if (failed == 1) {
				leaveLine(entry.chatId(), 1);
			}
		});
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
		int discarded = this.jdbc.sql("DELETE FROM outbox WHERE chat_id = ? AND status = 'PENDING'")
			.param(chatId)
			.update();
		if (discarded > 0) {
			leaveLine(chatId, discarded);
		}
	}

	/**
	 * Mends the line where it no longer matches the queue, which the bot never does
	 * itself but a database edited by hand or restored from an older backup may: a
	 * waiting message whose chat is not in the line would never be sent. Reads the whole
	 * queue, so it runs once a minute, not on every turn; returns how many chats it put
	 * back in line or took out.
	 */
	int mendLine() {
		return this.transactions.execute(status -> {
			int missing = this.jdbc.sql("""
					INSERT INTO outbox_chat (chat_id, waiting, rank, turn_at)
					SELECT chat_id, COUNT(*), 2 * MIN(bulk), MIN(created_at) FROM outbox
					WHERE status IN ('PENDING', 'SENDING') AND chat_id NOT IN (SELECT chat_id FROM outbox_chat)
					GROUP BY chat_id""").update();
			int gone = this.jdbc
				.sql("""
						DELETE FROM outbox_chat WHERE NOT EXISTS
						(SELECT 1 FROM outbox WHERE outbox.chat_id = outbox_chat.chat_id AND status IN ('PENDING', 'SENDING'))""")
				.update();
			return missing + gone;
		});
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

	private Optional<OutboundMessage> decode(String payload) {
		try {
			return Optional.of(this.json.readValue(payload, OutboundMessage.class));
		}
		catch (JsonProcessingException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A queued message without its content, which {@link #message(Entry)} reads when it
	 * is about to go.
	 */
	record Entry(long id, long chatId, String correlation, int attempts, Instant nextAttemptAt, Instant createdAt) {
	}

}
