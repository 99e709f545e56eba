package org.haqqim.dates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reminders people asked for, in the database: 7 days before a deadline, 2 days
 * before and on the day, each at the reminder hour. A reminder becomes SENT in the
 * transaction that queues its message.
 */
@Repository
class DateReminders {

	private static final List<Integer> DAYS_BEFORE = List.of(7, 2, 0);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DatesProperties properties;

	DateReminders(JdbcClient jdbc, Clock clock, DatesProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
	}

	/**
	 * Replaces the person's waiting reminders with those of the timeline, leaving out
	 * what is past and what they said is done.
	 */
	void schedule(long chatId, Timeline timeline) {
		stop(chatId);
		Instant now = this.clock.instant();
		for (Timeline.Due due : timeline.dues()) {
			if (due.day().isEmpty() || isDone(chatId, due.deadline().id(), due.day().get())) {
				continue;
			}
			for (int daysBefore : DAYS_BEFORE) {
				Instant at = at(due.day().get().minusDays(daysBefore));
				if (at.isAfter(now)) {
					insert(chatId, due.deadline().id(), due.day().get(), at, "PENDING");
				}
			}
		}
	}

	/** Reminders whose time has come, oldest first. */
	List<Reminder> due(int limit) {
		return this.jdbc.sql("""
				SELECT id, chat_id, deadline, due FROM date_reminder WHERE status = 'PENDING' AND remind_at <= ?
				ORDER BY remind_at, id LIMIT ?""")
			.params(this.clock.millis(), limit)
			.query((rs, row) -> new Reminder(rs.getLong("id"), rs.getLong("chat_id"), rs.getString("deadline"),
					LocalDate.parse(rs.getString("due"))))
			.list();
	}

	void markSent(long id) {
		this.jdbc.sql("UPDATE date_reminder SET status = 'SENT' WHERE id = ?").param(id).update();
	}

	/** "Done": no more reminders about the deadline's present date. */
	void done(long chatId, String deadline) {
		latestDue(chatId, deadline).ifPresent(due -> {
			this.jdbc.sql("DELETE FROM date_reminder WHERE chat_id = ? AND deadline = ? AND status = 'PENDING'")
				.params(chatId, deadline)
				.update();
			insert(chatId, deadline, due, Instant.EPOCH, "DONE");
		});
	}

	/** "Tomorrow": once more, at the reminder hour tomorrow. */
	void tomorrow(long chatId, String deadline) {
		LocalDate tomorrow = LocalDate.ofInstant(this.clock.instant(), this.properties.zone()).plusDays(1);
		latestDue(chatId, deadline).ifPresent(due -> insert(chatId, deadline, due, at(tomorrow), "PENDING"));
	}

	/** No more reminders for the person. */
	void stop(long chatId) {
		this.jdbc.sql("DELETE FROM date_reminder WHERE chat_id = ? AND status = 'PENDING'").param(chatId).update();
	}

	void forget(long chatId) {
		this.jdbc.sql("DELETE FROM date_reminder WHERE chat_id = ?").param(chatId).update();
	}

	private boolean isDone(long chatId, String deadline, LocalDate due) {
		return this.jdbc.sql(
				"SELECT COUNT(*) FROM date_reminder WHERE chat_id = ? AND deadline = ? AND due = ? AND status = 'DONE'")
			.params(chatId, deadline, due.toString())
			.query(Long.class)
			.single() > 0;
	}

	private Optional<LocalDate> latestDue(long chatId, String deadline) {
		return this.jdbc.sql("SELECT MAX(due) FROM date_reminder WHERE chat_id = ? AND deadline = ?")
			.params(chatId, deadline)
			.query(String.class)
			.optional()
			.map(LocalDate::parse);
	}

	private void insert(long chatId, String deadline, LocalDate due, Instant at, String status) {
		this.jdbc.sql("INSERT INTO date_reminder (chat_id, deadline, due, remind_at, status) VALUES (?, ?, ?, ?, ?)")
			.params(chatId, deadline, due.toString(), at.toEpochMilli(), status)
			.update();
	}

	private Instant at(LocalDate day) {
		ZoneId zone = this.properties.zone();
		return day.atTime(this.properties.reminderHour(), 0).atZone(zone).toInstant();
	}

	/** A reminder whose time has come. */
	record Reminder(long id, long chatId, String deadline, LocalDate due) {
	}

}
