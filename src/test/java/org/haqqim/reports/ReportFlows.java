package org.haqqim.reports;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.telegram.FakeBotApi;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person and staff do in a report, step by step, through the fake Bot API; shared
 * by the report tests.
 */
final class ReportFlows {

	static final Duration WAIT = Duration.ofSeconds(20);

	static final long STAFF_MEMBER = 5_550_001L;

	private final FakeBotApi telegram;

	private final long staffChat;

	private final CurrentKnowledge knowledge;

	private final JdbcClient jdbc;

	ReportFlows(FakeBotApi telegram, long staffChat, CurrentKnowledge knowledge, JdbcClient jdbc) {
		this.telegram = telegram;
		this.staffChat = staffChat;
		this.knowledge = knowledge;
		this.jdbc = jdbc;
	}

	/**
	 * Sends an urgent message, agrees, and goes through the intake; returns the case
	 * number.
	 */
	long completeUrgentReport(long user, String language, String citizenship, String message) {
		int before = this.telegram.screensOf(user).size();
		this.telegram.userSays(user, message, language);
		FakeBotApi.Call consent = this.telegram.awaitScreen(user, before + 1, WAIT);
		return completeIntake(user, consent, language, citizenship);
	}

	/**
	 * Agrees to send, is told the case is received, and answers the intake that follows:
	 * a city button, "right now", skips phone and location.
	 */
	long completeIntake(long user, FakeBotApi.Call consent, String language, String citizenship) {
		String yes = consent.buttonData("rp:y:");
		long caseId = Long.parseLong(yes.substring("rp:y:".length()));
		int before = this.telegram.screensOf(user).size();
		this.telegram.userPresses(user, consent.targetMessageId(), yes, language);
		FakeBotApi.Call received = this.telegram.awaitScreen(user, before + 1, WAIT);
		assertThat(received.text())
			.isEqualTo(text("report.received-urgent", language, citizenship, Map.of("case", Long.toString(caseId))));
		FakeBotApi.Call city = this.telegram.awaitScreen(user, before + 2, WAIT);
		this.telegram.userPresses(user, city.targetMessageId(), city.buttonData("rp:city:" + caseId + ":"), language);
		FakeBotApi.Call when = this.telegram.awaitScreen(user, before + 3, WAIT);
		this.telegram.userPresses(user, when.targetMessageId(), "rp:when:" + caseId + ":now", language);
		this.telegram.awaitScreen(user, before + 4, WAIT);
		String skip = this.knowledge.current()
			.plainText("button.skip", Audience.of(language, Citizenship.valueOf(citizenship)));
		this.telegram.userSays(user, skip, language);
		this.telegram.awaitScreen(user, before + 5, WAIT);
		this.telegram.userSays(user, skip, language);
		FakeBotApi.Call over = this.telegram.awaitScreen(user, before + 6, WAIT);
		assertThat(over.text())
			.isEqualTo(text("report.added", language, citizenship, Map.of("case", Long.toString(caseId))));
		return caseId;
	}

	FakeBotApi.Call card(long caseId) {
		return this.telegram
			.awaitCall("sendmessage",
					call -> call.chatId() == this.staffChat && call.accepted()
							&& call.buttons().stream().anyMatch(button -> button.data().equals("rp:take:" + caseId)),
					WAIT);
	}

	void staffSays(String text) {
		this.telegram.groupMessage(this.staffChat, STAFF_MEMBER, text, null);
	}

	List<FakeBotApi.Call> staffMessages() {
		return this.telegram.calls("sendmessage").stream().filter(call -> call.chatId() == this.staffChat).toList();
	}

	List<String> relayedTexts(long caseId) {
		String heading = staffText("staff.user-message", caseId) + "\n";
		return staffMessages().stream()
			.filter(call -> call.accepted() && call.text().startsWith(heading))
			.map(call -> call.text().substring(heading.length()))
			.toList();
	}

	String status(long caseId) {
		return this.jdbc.sql("SELECT status FROM report_case WHERE id = ?").param(caseId).query(String.class).single();
	}

	String text(String key, String language, String citizenship) {
		return text(key, language, citizenship, Map.of());
	}

	String text(String key, String language, String citizenship, Map<String, String> params) {
		return this.knowledge.current()
			.text(key, Audience.of(language, citizenship == null ? null : Citizenship.valueOf(citizenship)), params);
	}

	String staffText(String key) {
		return this.knowledge.current().text(key, Audience.of("ru", null), Map.of());
	}

	String staffText(String key, long caseId) {
		return this.knowledge.current().text(key, Audience.of("ru", null), Map.of("case", Long.toString(caseId)));
	}

}
