package org.haqqim.announcements;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.haqqim.knowledge.Citizenship;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Announcements queued for sending, and their delivery to each subscriber. The people an
 * announcement reaches are fixed when it is queued: the subscribers of its topics, of its
 * citizenships when it names some, as people chose them in their settings.
 */
@Repository
class AnnouncementQueue {

	private final JdbcClient jdbc;

	private final Clock clock;

	AnnouncementQueue(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** When the announcement was queued, if it was. */
	Optional<Instant> queuedAt(String id) {
		return this.jdbc.sql("SELECT queued_at FROM announcement WHERE id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.map(Instant::ofEpochMilli);
	}

	long countRecipients(Set<String> topics, Set<Citizenship> citizenships) {
		Recipients recipients = Recipients.of(topics, citizenships);
		return this.jdbc.sql("SELECT COUNT(DISTINCT s.chat_id) " + recipients.from())
			.params(recipients.params())
			.query(Long.class)
			.single();
	}

	/** Queues the announcement for its recipients; returns how many. */
	int queue(String id, Set<String> topics, Set<Citizenship> citizenships, Map<String, String> htmlByLanguage) {
		this.jdbc.sql("INSERT INTO announcement (id, queued_at, reported) VALUES (?, ?, 0)")
			.params(id, this.clock.millis())
			.update();
		htmlByLanguage.forEach((language, html) -> this.jdbc
			.sql("INSERT INTO announcement_text (announcement, language, html) VALUES (?, ?, ?)")
			.params(id, language, html)
			.update());
		Recipients recipients = Recipients.of(topics, citizenships);
		List<Object> params = new ArrayList<>();
		params.add(id);
		params.addAll(recipients.params());
		return this.jdbc
			.sql("INSERT INTO announcement_delivery (announcement, chat_id, status) "
					+ "SELECT DISTINCT ?, s.chat_id, 'WAITING' " + recipients.from())
			.params(params)
			.update();
	}

	/**
	 * The next deliveries to queue, read from the index in its order (so the cost does
	 * not grow with how many wait), each with the text in the person's language, or in
	 * {@code fallback}.
	 */
	List<Waiting> next(int limit, String fallback) {
		return this.jdbc.sql("""
				SELECT d.announcement, d.chat_id, COALESCE(t.html, f.html) AS html
				FROM announcement_delivery d
				LEFT JOIN chat_user u ON u.chat_id = d.chat_id
				LEFT JOIN announcement_text t ON t.announcement = d.announcement AND t.language = u.language
				JOIN announcement_text f ON f.announcement = d.announcement AND f.language = ?
				WHERE d.status = 'WAITING'
				ORDER BY d.announcement, d.chat_id LIMIT ?""")
			.params(fallback, limit)
			.query((rs, row) -> new Waiting(rs.getString("announcement"), rs.getLong("chat_id"), rs.getString("html")))
			.list();
	}

	boolean anyWaiting() {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM (SELECT 1 FROM announcement_delivery WHERE status = 'WAITING' LIMIT 1) w")
			.query(Long.class)
			.single() > 0;
	}

	void mark(String id, long chatId, String status) {
		this.jdbc.sql("UPDATE announcement_delivery SET status = ? WHERE announcement = ? AND chat_id = ?")
			.params(status, id, chatId)
			.update();
	}

	/**
	 * Announcements every delivery of which has an outcome, not yet reported to staff.
	 */
	List<Outcome> finishedUnreported() {
		List<String> ids = this.jdbc
			.sql("""
					SELECT a.id FROM announcement a WHERE a.reported = 0 AND NOT EXISTS (SELECT 1 FROM announcement_delivery d
					WHERE d.announcement = a.id AND d.status IN ('WAITING', 'QUEUED')) ORDER BY a.queued_at""")
			.query(String.class)
			.list();
		List<Outcome> outcomes = new ArrayList<>();
		for (String id : ids) {
			Map<String, Long> counts = this.jdbc
				.sql("SELECT status, COUNT(*) AS n FROM announcement_delivery WHERE announcement = ? GROUP BY status")
				.param(id)
				.query((rs, row) -> Map.entry(rs.getString("status"), rs.getLong("n")))
				.list()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
			outcomes.add(new Outcome(id, counts.getOrDefault("SENT", 0L), counts.getOrDefault("BLOCKED", 0L),
					counts.getOrDefault("FAILED", 0L)));
		}
		return outcomes;
	}

	void markReported(String id) {
		this.jdbc.sql("UPDATE announcement SET reported = 1 WHERE id = ?").param(id).update();
	}

	/**
	 * A person asked to be forgotten: nothing more is sent to them, and what was queued
	 * for them (which the outbox drops) no longer holds back the report to staff.
	 */
	void forget(long chatId) {
		this.jdbc.sql("DELETE FROM announcement_delivery WHERE chat_id = ? AND status IN ('WAITING', 'QUEUED')")
			.param(chatId)
			.update();
	}

	/** The subscribers of some topics, of some citizenships when any are named. */
	private record Recipients(String from, List<Object> params) {

		static Recipients of(Set<String> topics, Set<Citizenship> citizenships) {
			List<Object> params = new ArrayList<>(topics);
			String from = "FROM subscription s WHERE s.topic IN (" + placeholders(topics.size()) + ")";
			if (!citizenships.isEmpty()) {
				citizenships.forEach(citizenship -> params.add(citizenship.name()));
				from += " AND s.chat_id IN (SELECT chat_id FROM chat_user WHERE citizenship IN ("
						+ placeholders(citizenships.size()) + "))";
			}
			return new Recipients(from, params);
		}

		private static String placeholders(int count) {
			return String.join(", ", Collections.nCopies(count, "?"));
		}

	}

	/** A delivery to queue. */
	record Waiting(String announcement, long chatId, String html) {
	}

	/**
	 * How an announcement went: delivered, refused by people who blocked the bot, failed
	 * otherwise.
	 */
	record Outcome(String id, long sent, long blocked, long failed) {
	}

}
