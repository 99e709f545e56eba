package org.haqqim.dates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.PersonalDate;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dates people chose to keep, and whether they want reminders. A person is in the
 * book only after they said yes to keeping their dates.
 */
@Repository
class DateBook {

	private final JdbcClient jdbc;

	private final Clock clock;

	DateBook(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * What the book holds for a person, or empty when they never agreed to keep dates.
	 */
	Optional<Owner> find(long chatId) {
		return this.jdbc.sql("SELECT awaiting, reminders FROM date_owner WHERE chat_id = ?")
			.param(chatId)
			.query((rs, row) -> new Owner(chatId, PersonalDate.parse(rs.getString("awaiting")).orElse(null),
					rs.getInt("reminders") == 1, dates(chatId)))
			.optional();
	}

	/** The person agreed to keep their dates. */
	void open(long chatId) {
		if (find(chatId).isEmpty()) {
			this.jdbc.sql("INSERT INTO date_owner (chat_id, awaiting, reminders, created_at) VALUES (?, NULL, 0, ?)")
				.params(chatId, this.clock.millis())
				.update();
		}
	}

	/** The date the bot asked for and waits to be typed, or none. */
	void awaiting(long chatId, PersonalDate date) {
		this.jdbc.sql("UPDATE date_owner SET awaiting = ? WHERE chat_id = ?")
			.params(date == null ? null : date.id(), chatId)
			.update();
	}

	void save(long chatId, PersonalDate date, LocalDate day) {
		int updated = this.jdbc.sql("UPDATE person_date SET day = ? WHERE chat_id = ? AND kind = ?")
			.params(day.toString(), chatId, date.id())
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO person_date (chat_id, kind, day) VALUES (?, ?, ?)")
				.params(chatId, date.id(), day.toString())
				.update();
		}
		awaiting(chatId, null);
	}

	void reminders(long chatId, boolean on) {
		this.jdbc.sql("UPDATE date_owner SET reminders = ? WHERE chat_id = ?").params(on ? 1 : 0, chatId).update();
	}

	/** Erases the person's dates and their consent. */
	void forget(long chatId) {
		this.jdbc.sql("DELETE FROM person_date WHERE chat_id = ?").param(chatId).update();
		this.jdbc.sql("DELETE FROM date_owner WHERE chat_id = ?").param(chatId).update();
	}

	private Map<PersonalDate, LocalDate> dates(long chatId) {
		Map<PersonalDate, LocalDate> dates = new EnumMap<>(PersonalDate.class);
		this.jdbc.sql("SELECT kind, day FROM person_date WHERE chat_id = ?")
			.param(chatId)
			.query((RowCallbackHandler) rs -> {
				String day = rs.getString("day");
				PersonalDate.parse(rs.getString("kind")).ifPresent(kind -> dates.put(kind, LocalDate.parse(day)));
			});
		return dates;
	}

	/**
	 * A person in the book.
	 *
	 * @param awaiting the date the bot asked for, or null
	 */
	record Owner(long chatId, PersonalDate awaiting, boolean reminders, Map<PersonalDate, LocalDate> dates) {

		Owner {
			dates = dates.isEmpty() ? Map.of() : new EnumMap<>(dates);
		}

		Optional<PersonalDate> awaitingDate() {
			return Optional.ofNullable(this.awaiting);
		}

	}

}
