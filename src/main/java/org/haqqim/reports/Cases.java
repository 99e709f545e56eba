package org.haqqim.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.haqqim.knowledge.Citizenship;
import org.haqqim.transport.InboundEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cases, what was said in them, which staff-chat message belongs to which case, and
 * banned people.
 */
@Repository
class Cases {

	/** {@code announced}: staff saw the card. 0 is not yet, and {@link #IN_DIGEST}. */
	private static final int CARD_SHOWN = 1;

	/** {@code announced}: staff saw only the number, in a digest. */
	private static final int IN_DIGEST = 2;

	private static final String COLUMNS = """
			id, chat_id, status, intake_step, urgent, topic, language, citizenship, city, happened, phone, latitude,
			longitude, thread_id, topic_requested, announced, taken_by, rating, created_at, opened_at, first_answer_at,
			last_ack_at, reminded_at, reminders, user_notified_at, closed_at, desk""";

	private final JdbcClient jdbc;

	private final Clock clock;

	Cases(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// --- cases

	long create(long chatId, CaseStatus status, IntakeStep step, boolean urgent, String topic, String language,
			Citizenship citizenship, String desk) {
		return this.jdbc.sql("""
				INSERT INTO report_case (chat_id, status, intake_step, urgent, topic, language, citizenship,
				topic_requested, announced, reminders, created_at, desk)
				VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?) RETURNING id""")
			.params(chatId, status.name(), step == null ? null : step.name(), urgent ? 1 : 0, topic, language,
					citizenship == null ? null : citizenship.name(), this.clock.millis(), desk)
			.query(Long.class)
			.single();
	}

	Optional<Case> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM report_case WHERE id = ?")
			.param(id)
			.query(Cases::map)
			.optional();
	}

	/** The case a person's messages go to now, if any. */
	Optional<Case> collecting(long chatId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM report_case WHERE chat_id = ? AND status IN ('INTAKE', 'OPEN', 'TAKEN') ORDER BY id DESC")
			.param(chatId)
			.query(Cases::map)
			.list()
			.stream()
			.findFirst();
	}

	List<Case> ofPerson(long chatId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM report_case WHERE chat_id = ? ORDER BY id")
			.param(chatId)
			.query(Cases::map)
			.list();
	}

	/** The case of a forum topic in a desk's chat: topics are numbered per chat. */
	Optional<Case> byThread(String desk, long threadId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM report_case WHERE desk = ? AND thread_id = ?")
			.params(desk, threadId)
			.query(Cases::map)
			.optional();
	}

	/** Open and taken cases, urgent first, oldest first. */
	List<Case> open() {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM report_case WHERE status IN ('OPEN', 'TAKEN') ORDER BY urgent DESC, opened_at, id")
			.query(Cases::map)
			.list();
	}

	List<Case> notAnnounced() {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM report_case WHERE status IN ('OPEN', 'TAKEN') AND announced = 0 ORDER BY urgent DESC, id")
			.query(Cases::map)
			.list();
	}

	List<Case> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM report_case WHERE status <> 'DRAFT'")
			.query(Cases::map)
			.list();
	}

	/**
	 * Moves a case to another desk: it is shown there afresh, in a new forum topic when
	 * the desk has them; its messages are kept.
	 */
	void transfer(long id, String desk) {
		this.jdbc
			.sql("UPDATE report_case SET desk = ?, thread_id = NULL, topic_requested = 0, announced = 0 "
					+ "WHERE id = ?")
			.params(desk, id)
			.update();
		this.jdbc.sql("UPDATE case_message SET relayed = 0 WHERE case_id = ?").param(id).update();
	}

	/**
	 * Opens a case to staff while the person is still asked the intake's remaining
	 * questions, from {@code step} on.
	 */
	void openAsking(long id, IntakeStep step) {
		this.jdbc.sql("UPDATE report_case SET status = 'OPEN', intake_step = ?, opened_at = ? WHERE id = ?")
			.params(step == null ? null : step.name(), this.clock.millis(), id)
			.update();
	}

	/**
	 * The intake question asked next, or none when the intake is over; the status stays.
	 */
	void askNext(long id, IntakeStep step) {
		this.jdbc.sql("UPDATE report_case SET intake_step = ? WHERE id = ?")
			.params(step == null ? null : step.name(), id)
			.update();
	}

	void setCity(long id, String city) {
		this.jdbc.sql("UPDATE report_case SET city = ? WHERE id = ?").params(truncate(city, 200), id).update();
	}

	void setHappened(long id, String happened) {
		this.jdbc.sql("UPDATE report_case SET happened = ? WHERE id = ?").params(truncate(happened, 200), id).update();
	}

	void setPhone(long id, String phone) {
		this.jdbc.sql("UPDATE report_case SET phone = ? WHERE id = ?").params(truncate(phone, 40), id).update();
	}

	void setLocation(long id, double latitude, double longitude) {
		this.jdbc.sql("UPDATE report_case SET latitude = ?, longitude = ? WHERE id = ?")
			.params(latitude, longitude, id)
			.update();
	}

	void setThread(long id, long threadId) {
		this.jdbc.sql("UPDATE report_case SET thread_id = ? WHERE id = ?").params(threadId, id).update();
	}

	/**
	 * Marks that a forum topic was asked for; returns false when it already was, so only
	 * one is ever created.
	 */
	boolean requestTopic(long id) {
		return this.jdbc.sql("UPDATE report_case SET topic_requested = 1 WHERE id = ? AND topic_requested = 0")
			.param(id)
			.update() == 1;
	}

	void announced(long id) {
		this.jdbc.sql("UPDATE report_case SET announced = ? WHERE id = ?").params(CARD_SHOWN, id).update();
	}

	/**
	 * Staff were told the case's number in a digest, past the card limit: it is not left
	 * for the next digest, but its card is still to be shown.
	 */
	void listedInDigest(long id) {
		this.jdbc.sql("UPDATE report_case SET announced = ? WHERE id = ? AND announced = 0")
			.params(IN_DIGEST, id)
			.update();
	}

	void take(long id, long staffUserId) {
		this.jdbc
			.sql("UPDATE report_case SET status = 'TAKEN', taken_by = ? WHERE id = ? AND status IN ('OPEN', 'TAKEN')")
			.params(staffUserId, id)
			.update();
	}

	/** Closes a case, with how it ended when staff said (null when they did not). */
	void close(long id, String outcome) {
		this.jdbc.sql("UPDATE report_case SET status = 'CLOSED', closed_at = ?, outcome = ? WHERE id = ?")
			.params(this.clock.millis(), outcome, id)
			.update();
	}

	/** Closed cases by outcome; the key is empty for those closed without one. */
	Map<String, Long> closedByOutcome(String desk) {
		return this.jdbc
			.sql("SELECT outcome, COUNT(*) AS n FROM report_case WHERE status = 'CLOSED' AND desk = ? GROUP BY outcome")
			.param(desk)
			.query((rs, row) -> Map.entry(rs.getString("outcome") == null ? "" : rs.getString("outcome"),
					rs.getLong("n")))
			// a list, not the query's stream, which would hold the one SQLite connection
			// until someone closed it
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
	}

	void reopen(long id) {
		this.jdbc
			.sql("UPDATE report_case SET status = 'OPEN', closed_at = NULL, outcome = NULL, escalated_at = NULL, "
					+ "reminders = 0, reminded_at = NULL, user_notified_at = NULL WHERE id = ?")
			.param(id)
			.update();
	}

	/**
	 * The median time from opening to the first staff answer, over the cases opened since
	 * {@code since} that were answered; empty with fewer than {@code atLeast} of them.
	 */
	Optional<Duration> medianFirstAnswer(String desk, Instant since, int atLeast) {
		List<Long> waits = this.jdbc
			.sql("""
					SELECT first_answer_at - opened_at FROM report_case
					WHERE desk = ? AND opened_at >= ? AND first_answer_at IS NOT NULL ORDER BY first_answer_at - opened_at""")
			.params(desk, since.toEpochMilli())
			.query(Long.class)
			.list();
		return waits.size() < atLeast ? Optional.empty() : Optional.of(Duration.ofMillis(waits.get(waits.size() / 2)));
	}

	/** Open cases of a desk that no staff member has answered yet. */
	long waitingForAnswer(String desk, boolean urgent) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM report_case WHERE desk = ? AND urgent = ? AND status IN ('OPEN', 'TAKEN') "
					+ "AND first_answer_at IS NULL")
			.params(desk, urgent ? 1 : 0)
			.query(Long.class)
			.single();
	}

	void answered(long id) {
		this.jdbc.sql("UPDATE report_case SET first_answer_at = ? WHERE id = ? AND first_answer_at IS NULL")
			.params(this.clock.millis(), id)
			.update();
	}

	void acknowledged(long id) {
		this.jdbc.sql("UPDATE report_case SET last_ack_at = ? WHERE id = ?").params(this.clock.millis(), id).update();
	}

	/**
	 * Marks an urgent case raised to the escalation chat; true only the first time, so
	 * that it is raised once.
	 */
	boolean escalated(long id) {
		return this.jdbc.sql("UPDATE report_case SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
			.params(this.clock.millis(), id)
			.update() == 1;
	}

	void reminded(long id) {
		this.jdbc.sql("UPDATE report_case SET reminded_at = ?, reminders = reminders + 1 WHERE id = ?")
			.params(this.clock.millis(), id)
			.update();
	}

	void userNotified(long id) {
		this.jdbc.sql("UPDATE report_case SET user_notified_at = ? WHERE id = ?")
			.params(this.clock.millis(), id)
			.update();
	}

	void rate(long id, boolean helpful) {
		this.jdbc.sql("UPDATE report_case SET rating = ? WHERE id = ?").params(helpful ? 1 : 0, id).update();
	}

	/**
	 * Withdraws a case the person asked to be forgotten from, keeping only an anonymous
	 * count.
	 */
	void withdraw(long id) {
		this.jdbc.sql("UPDATE report_case SET status = 'WITHDRAWN', closed_at = ? WHERE id = ?")
			.params(this.clock.millis(), id)
			.update();
	}

	/**
	 * Erases everything personal about a case: who it was, where, when, the phone, the
	 * location, what was said, and which staff-chat messages belonged to it. Status,
	 * topic, language and times stay as an anonymous count.
	 */
	void eraseContent(long id) {
		this.jdbc.sql("""
				UPDATE report_case SET chat_id = 0, city = NULL, happened = NULL, phone = NULL, latitude = NULL,
				longitude = NULL WHERE id = ?""").param(id).update();
		this.jdbc.sql("DELETE FROM case_message WHERE case_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM staff_message WHERE case_id = ?").param(id).update();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM case_message WHERE case_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM staff_message WHERE case_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM report_case WHERE id = ?").param(id).update();
	}

	/** Closed cases whose content is past its retention, and drafts nobody answered. */
	List<Long> contentPastRetention(Instant closedBefore) {
		return this.jdbc
			.sql("""
					SELECT id FROM report_case WHERE status IN ('CLOSED', 'WITHDRAWN') AND closed_at < ? AND chat_id <> 0""")
			.param(closedBefore.toEpochMilli())
			.query(Long.class)
			.list();
	}

	List<Long> draftsCreatedBefore(Instant before) {
		return this.jdbc.sql("SELECT id FROM report_case WHERE status = 'DRAFT' AND created_at < ?")
			.param(before.toEpochMilli())
			.query(Long.class)
			.list();
	}

	// --- messages

	/** What the person wrote, with where it came from. */
	long addText(long caseId, InboundEvent.Text text) {
		return addMessage(caseId, CaseMessage.Direction.IN, "TEXT", text.text(), null, text.origin().chatId(),
				longOrNull(text.origin().messageId()), false);
	}

	/**
	 * Media the person sent, by Telegram's file id and the message it came in, so that it
	 * can be copied.
	 */
	long addMedia(long caseId, InboundEvent.Media media) {
		return addMessage(caseId, CaseMessage.Direction.IN, media.kind().name(), media.caption(), media.fileId(),
				media.origin().chatId(), longOrNull(media.origin().messageId()), false);
	}

	/** A location or a phone number the person shared, as a line of text for staff. */
	long addShared(long caseId, String line) {
		return addMessage(caseId, CaseMessage.Direction.IN, "TEXT", line, null, null, null, false);
	}

	/**
	 * A message of another case of the person (a draft they agreed to send), into this
	 * one.
	 */
	long addCopy(long caseId, CaseMessage carried) {
		return addMessage(caseId, CaseMessage.Direction.IN, carried.kind(), carried.text(), carried.fileId(),
				carried.sourceChatId(), carried.sourceMessageId(), false);
	}

	/** What staff sent the person: a text, or media by its kind and file id. */
	void addStaffAnswer(long caseId, String kind, String text, String fileId) {
		addMessage(caseId, CaseMessage.Direction.OUT, kind, text, fileId, null, null, true);
	}

	/** A staff note, never sent to the person. */
	void addNote(long caseId, String note) {
		addMessage(caseId, CaseMessage.Direction.NOTE, "TEXT", note, null, null, null, true);
	}

	private long addMessage(long caseId, CaseMessage.Direction direction, String kind, String text, String fileId,
			Long sourceChatId, Long sourceMessageId, boolean relayed) {
		return this.jdbc.sql("""
				INSERT INTO case_message (case_id, direction, kind, text, file_id, source_chat_id, source_message_id,
				relayed, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
			.params(caseId, direction.name(), kind, text, fileId, sourceChatId, sourceMessageId, relayed ? 1 : 0,
					this.clock.millis())
			.query(Long.class)
			.single();
	}

	List<CaseMessage> messages(long caseId) {
		return this.jdbc.sql("""
				SELECT id, case_id, direction, kind, text, file_id, source_chat_id, source_message_id, relayed
				FROM case_message WHERE case_id = ? ORDER BY id""")
			.param(caseId)
			.query((rs, row) -> new CaseMessage(rs.getLong("id"), rs.getLong("case_id"),
					CaseMessage.Direction.valueOf(rs.getString("direction")), rs.getString("kind"),
					rs.getString("text"), rs.getString("file_id"), nullableLong(rs, "source_chat_id"),
					nullableLong(rs, "source_message_id"), rs.getInt("relayed") == 1))
			.list();
	}

	void markRelayed(long messageId) {
		this.jdbc.sql("UPDATE case_message SET relayed = 1 WHERE id = ?").param(messageId).update();
	}

	// --- the staff chat

	void mapStaffMessage(long chatId, long messageId, long caseId) {
		this.jdbc.sql("""
				INSERT INTO staff_message (chat_id, message_id, case_id) VALUES (?, ?, ?)
				ON CONFLICT (chat_id, message_id) DO NOTHING""").params(chatId, messageId, caseId).update();
	}

	Optional<Long> caseOfStaffMessage(long chatId, long messageId) {
		return this.jdbc.sql("SELECT case_id FROM staff_message WHERE chat_id = ? AND message_id = ?")
			.params(chatId, messageId)
			.query(Long.class)
			.optional();
	}

	/**
	 * The bot's messages about a case in the staff chats, each in its chat: a case moved
	 * to another desk has messages in both.
	 */
	List<StaffMessage> staffMessagesOf(long caseId) {
		return this.jdbc.sql("SELECT chat_id, message_id FROM staff_message WHERE case_id = ?")
			.param(caseId)
			.query((rs, row) -> new StaffMessage(rs.getLong("chat_id"), rs.getLong("message_id")))
			.list();
	}

	record StaffMessage(long chatId, long messageId) {
	}

	// --- bans

	/** Bans a person for a case; banning them again renews the ban. */
	void ban(long chatId, long caseId) {
		this.jdbc.sql("""
				INSERT INTO banned_user (chat_id, banned_at, case_id) VALUES (?, ?, ?)
				ON CONFLICT (chat_id) DO UPDATE SET banned_at = excluded.banned_at, case_id = excluded.case_id""")
			.params(chatId, this.clock.millis(), caseId)
			.update();
	}

	/** Whether a person has a ban given within {@code lasting}. */
	boolean isBanned(long chatId, Duration lasting) {
		return this.jdbc.sql("SELECT COUNT(*) FROM banned_user WHERE chat_id = ? AND banned_at >= ?")
			.params(chatId, this.clock.millis() - lasting.toMillis())
			.query(Long.class)
			.single() > 0;
	}

	/** Lifts the ban given for a case; false when there was none. */
	boolean unban(long caseId) {
		return this.jdbc.sql("DELETE FROM banned_user WHERE case_id = ?").param(caseId).update() > 0;
	}

	/** Erases bans older than {@code lasting}; returns how many. */
	int purgeExpiredBans(Duration lasting) {
		return this.jdbc.sql("DELETE FROM banned_user WHERE banned_at < ?")
			.param(this.clock.millis() - lasting.toMillis())
			.update();
	}

	private static Case map(ResultSet rs, int row) throws SQLException {
		Double latitude = nullableDouble(rs, "latitude");
		Double longitude = nullableDouble(rs, "longitude");
		Case.Location location = latitude == null || longitude == null ? null : new Case.Location(latitude, longitude);
		Case.Intake intake = new Case.Intake(rs.getString("city"), rs.getString("happened"), rs.getString("phone"),
				location);
		Case.StaffSide staffSide = new Case.StaffSide(nullableLong(rs, "thread_id"), rs.getInt("topic_requested") == 1,
				rs.getInt("announced") == CARD_SHOWN, nullableLong(rs, "taken_by"), rs.getString("desk"));
		Case.Timeline timeline = new Case.Timeline(instant(rs, "created_at"), instant(rs, "opened_at"),
				instant(rs, "first_answer_at"), instant(rs, "last_ack_at"), instant(rs, "reminded_at"),
				rs.getInt("reminders"), instant(rs, "user_notified_at"), instant(rs, "closed_at"));
		return new Case(rs.getLong("id"), rs.getLong("chat_id"), CaseStatus.valueOf(rs.getString("status")),
				rs.getString("intake_step") == null ? null : IntakeStep.valueOf(rs.getString("intake_step")),
				rs.getInt("urgent") == 1, rs.getString("topic"), rs.getString("language"),
				Citizenship.parse(rs.getString("citizenship")).orElse(null), intake, staffSide,
				nullableInt(rs, "rating"), timeline);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Long millis = nullableLong(rs, column);
		return millis == null ? null : Instant.ofEpochMilli(millis);
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Integer nullableInt(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static Long longOrNull(Integer value) {
		return value == null ? null : value.longValue();
	}

	private static String truncate(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length);
	}

}
