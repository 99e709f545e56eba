package org.haqqim.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.haqqim.EndToEndTest;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Urgent reports through the fake Bot API, from a migrant's message to consular staff and
 * back, and the security, privacy and reliability cases of the research notes (S1–S6,
 * R15, R19, P3, P4).
 */
class ReportsTests extends EndToEndTest {

	private static final Duration WAIT = ReportFlows.WAIT;

	private static final long STAFF_MEMBER = ReportFlows.STAFF_MEMBER;

	@Autowired
	CurrentKnowledge knowledge;

	@Autowired
	JdbcClient jdbc;

	private ReportFlows flows;

	@BeforeEach
	void stepsOfAReport() {
		this.flows = new ReportFlows(telegram, STAFF_CHAT_ID, this.knowledge, this.jdbc);
	}

	@ParameterizedTest(name = "the whole loop in {0}")
	@CsvSource({ "uz, UZ, xojayin pasportimni olib qoydi hozir qaytarmayapti",
			"ru, TJ, меня задержали в метро сейчас в отделе" })
	void anUrgentMessageReachesStaffAndTheAnswersComeBack(String language, String citizenship, String message) {
		long user = onboarded(language, citizenship);
		int before = telegram.screensOf(user).size();
		telegram.userSays(user, message, language);
		FakeBotApi.Call safety = telegram.awaitScreen(user, before, WAIT);
		assertThat(safety.text()).startsWith(this.flows.text("report.urgent-intro", language, citizenship))
			.contains("112");
		FakeBotApi.Call consent = telegram.awaitScreen(user, before + 1, WAIT);
		assertThat(consent.text()).isEqualTo(this.flows.text("report.consent", language, citizenship));
		assertThat(this.flows.staffMessages()).as("nothing reaches staff before the person's yes")
			.noneMatch(call -> call.text().contains(message));

		long caseId = this.flows.completeIntake(user, consent, language, citizenship);
		FakeBotApi.Call card = telegram
			.awaitCall("sendmessage",
					call -> call.chatId() == STAFF_CHAT_ID && call.accepted()
							&& call.buttons().stream().anyMatch(button -> button.data().equals("rp:take:" + caseId)),
					WAIT);
		assertThat(card.text()).contains("#" + caseId).contains(message.split(" ")[0]);
		assertThat(card.body().path("protect_content").asBoolean()).isTrue();
		assertThat(card.text()).doesNotContain("Firstname" + user).doesNotContain("username" + user);
		assertThat(telegram.calls("forwardmessage")).isEmpty();

		int userScreens = telegram.screensOf(user).size();
		telegram.groupMessage(STAFF_CHAT_ID, STAFF_MEMBER, "We are calling the station, stay calm", card.messageId());
		FakeBotApi.Call answer = telegram.awaitScreen(user, userScreens, WAIT);
		assertThat(answer.text())
			.startsWith("<b>" + this.flows.text("report.staff-prefix", language, citizenship) + "</b>")
			.endsWith("We are calling the station, stay calm");
		telegram.groupMedia(STAFF_CHAT_ID, STAFF_MEMBER, "photo", card.messageId(), "the form to fill in");
		FakeBotApi.Call photo = telegram.awaitCall("copymessage", call -> call.chatId() == user, WAIT);
		assertThat(photo.body().path("from_chat_id").asLong()).isEqualTo(STAFF_CHAT_ID);
		assertThat(photo.body().path("caption").asText()).contains("the form to fill in");

		int beforeReply = telegram.screensOf(user).size();
		String reply = "spasibo, zhdu (" + language + ")";
		telegram.userSays(user, reply, language);
		FakeBotApi.Call relayed = telegram.awaitCall("sendmessage",
				call -> call.chatId() == STAFF_CHAT_ID && call.text().contains(reply), WAIT);
		assertThat(relayed.text()).contains("#" + caseId);
		assertThat(telegram.awaitScreen(user, beforeReply, WAIT).text())
			.isEqualTo(this.flows.text("report.added", language, citizenship, Map.of("case", Long.toString(caseId))));

		int beforeClose = telegram.screensOf(user).size();
		telegram.groupMessage(STAFF_CHAT_ID, STAFF_MEMBER, "/close " + caseId + " released, consulate informed", null);
		FakeBotApi.Call closed = telegram.awaitScreen(user, beforeClose, WAIT);
		assertThat(closed.text())
			.isEqualTo(this.flows.text("report.closed", language, citizenship, Map.of("case", Long.toString(caseId))));
		FakeBotApi.Call rate = telegram.awaitScreen(user, beforeClose + 1, WAIT);
		telegram.userPresses(user, rate.targetMessageId(), "rp:r:" + caseId + ":1", language);
		telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID && call.text().contains("👍"), WAIT);
		assertThat(this.flows.status(caseId)).isEqualTo("CLOSED");
	}

	@Test
	void sayingNoSendsNothingAndKeepsNothing() {
		long user = onboarded("ru", "KG");
		int before = telegram.screensOf(user).size();
		telegram.userSays(user, "меня избил бригадир", "ru");
		FakeBotApi.Call consent = telegram.awaitScreen(user, before + 1, WAIT);
		long draft = Long.parseLong(consent.buttonData("rp:n:").substring("rp:n:".length()));
		telegram.userPresses(user, consent.targetMessageId(), "rp:n:" + draft, "ru");
		FakeBotApi.Call declined = telegram.awaitScreen(user, before + 2, WAIT);
		assertThat(declined.text()).isEqualTo(this.flows.text("report.declined", "ru", "KG"));
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM report_case WHERE id = ?").param(draft).query(Long.class).single())
			.isZero();
		assertThat(this.flows.staffMessages()).noneMatch(call -> call.text().contains("избил"));
	}

	@Test
	void aStaffCommandInAPrivateChatIsRefusedWithoutRevealingAnything() {
		long user = onboarded("ru", "UZ");
		int before = telegram.screensOf(user).size();
		telegram.userSays(user, "/cases", "ru");
		assertThat(telegram.awaitScreen(user, before, WAIT).text())
			.isEqualTo(this.flows.text("staff.refused", "ru", null));
		telegram.userSays(user, "/close 1", "ru");
		assertThat(telegram.awaitScreen(user, before + 1, WAIT).text())
			.isEqualTo(this.flows.text("staff.refused", "ru", null));
	}

	@Test
	void theBotLeavesAnyOtherGroupAndSendsNothingThere() {
		long stranger = -100_777_888L;
		telegram.botAddedTo(stranger, 42);
		telegram.awaitCall("leavechat", call -> call.chatId() == stranger, WAIT);
		telegram.groupMessage(stranger, 42, "/cases", null);
		await().atMost(WAIT)
			.until(() -> telegram.calls("leavechat").stream().filter(c -> c.chatId() == stranger).count() >= 2);
		assertThat(telegram.calls("sendmessage")).noneMatch(call -> call.chatId() == stranger);
	}

	@Test
	void anonymousAdminsCannotUseStaffCommands() {
		telegram.anonymousAdminSays(STAFF_CHAT_ID, "/cases");
		FakeBotApi.Call refusal = telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID
				&& call.text().equals(this.flows.staffText("staff.anonymous-refused")), WAIT);
		assertThat(refusal.accepted()).isTrue();
	}

	@Test
	void aMigrantCannotReachAnotherPersonsCase() {
		long victim = onboarded("ru", "UZ");
		long other = this.flows.completeUrgentReport(victim, "ru", "UZ", "меня задержали прямо сейчас");
		long attacker = onboarded("ru", "UZ");
		int before = telegram.screensOf(attacker).size();
		telegram.userPresses(attacker, 1, "rp:y:" + other, "ru");
		assertThat(telegram.awaitScreen(attacker, before, WAIT).text())
			.isEqualTo(this.flows.text("error.old-button", "ru", "UZ"));
		telegram.userSays(attacker, "/reply " + other + " hello", "ru");
		telegram.userSays(attacker, "#" + other + " urgent", "ru");
		awaitQuiet();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM case_message WHERE case_id = ? AND text LIKE '%hello%'")
			.param(other)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM case_message WHERE case_id = ? AND text LIKE '%urgent%'")
			.param(other)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aReplyToAMessageOfNoCaseIsNotLinkedAndGoesNowhere() {
		int sentBefore = telegram.calls("sendmessage").size();
		telegram.groupMessage(STAFF_CHAT_ID, STAFF_MEMBER, "answer to nothing", 99_999);
		FakeBotApi.Call notLinked = telegram.awaitCall("sendmessage",
				call -> call.chatId() == STAFF_CHAT_ID && call.text().equals(this.flows.staffText("staff.not-linked")),
				WAIT);
		assertThat(notLinked.body().path("reply_parameters").path("message_id").asInt()).isPositive();
		assertThat(telegram.calls("sendmessage").subList(sentBefore, telegram.calls("sendmessage").size()))
			.noneMatch(call -> call.text() != null && call.text().contains("answer to nothing"));
	}

	@Test
	void markupInAPersonsWordsIsShownLiterallyAndNeverBreaksTheCard() {
		long user = onboarded("ru", "TJ");
		String words = "<b>x</b> <a href=\"tg://user?id=1\">y</a> & 1<2 меня задержали сейчас";
		long caseId = this.flows.completeUrgentReport(user, "ru", "TJ", words);
		FakeBotApi.Call card = this.flows.card(caseId);
		assertThat(card.text())
			.contains("&lt;b&gt;x&lt;/b&gt; &lt;a href=\"tg://user?id=1\"&gt;y&lt;/a&gt; &amp; 1&lt;2");
		assertThat(telegram.calls("sendmessage")).filteredOn(call -> call.chatId() == STAFF_CHAT_ID)
			.allMatch(FakeBotApi.Call::accepted);
	}

	@Test
	void aPersonWhoBlockedTheBotIsReportedToStaffOnce() {
		long user = onboarded("ru", "KZ");
		long caseId = this.flows.completeUrgentReport(user, "ru", "KZ", "меня избили на стройке");
		FakeBotApi.Call card = this.flows.card(caseId);
		telegram.blockBy(user);
		telegram.groupMessage(STAFF_CHAT_ID, STAFF_MEMBER, "where are you now?", card.messageId());
		telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID
				&& call.text().equals(this.flows.staffText("staff.not-delivered-blocked", caseId)), WAIT);
		awaitQuiet();
		assertThat(telegram.calls("sendmessage")
			.stream()
			.filter(call -> call.chatId() == user && call.text() != null && call.text().contains("where are you now?")))
			.as("no retry storm")
			.hasSize(1);
	}

	@Test
	void messagesOfOnePersonReachStaffInTheirOrder() {
		long user = onboarded("ru", "UZ");
		long caseId = this.flows.completeUrgentReport(user, "ru", "UZ", "хозяин забрал паспорт сейчас");
		this.flows.card(caseId);
		for (int i = 1; i <= 5; i++) {
			telegram.userSays(user, "подробность номер " + i, "ru");
		}
		await().atMost(WAIT).until(() -> this.flows.relayedTexts(caseId).size() == 5);
		assertThat(this.flows.relayedTexts(caseId)).containsExactly("подробность номер 1", "подробность номер 2",
				"подробность номер 3", "подробность номер 4", "подробность номер 5");
	}

	@Test
	void forgetWithdrawsOpenCasesTellsStaffAndErasesTheContent() {
		long user = onboarded("ky", "KG");
		long caseId = this.flows.completeUrgentReport(user, "ky", "KG", "мени азыр кармашты милиция");
		this.flows.card(caseId);
		int before = telegram.screensOf(user).size();
		telegram.userSays(user, "/forget", "ky");
		FakeBotApi.Call confirm = telegram.awaitScreen(user, before, WAIT);
		telegram.userPresses(user, confirm.targetMessageId(), "x:1", "ky");
		telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID
				&& call.text().equals(this.flows.staffText("staff.withdrawn", caseId)), WAIT);
		telegram.awaitCall("deletemessage", call -> call.chatId() == STAFF_CHAT_ID, WAIT);
		assertThat(this.flows.status(caseId)).isEqualTo("WITHDRAWN");
		assertThat(
				this.jdbc.sql("SELECT chat_id FROM report_case WHERE id = ?").param(caseId).query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM case_message WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM staff_message WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * D9 of the reliability review: a caption cut inside {@code &amp;} made Telegram
	 * refuse the media, and staff never saw it.
	 */
	@Test
	void mediaWithACaptionPastTelegramsLimitReachesStaffWithAllItsWords() {
		long user = onboarded("ru", "TJ");
		long caseId = this.flows.completeUrgentReport(user, "ru", "TJ", "меня задержали сейчас у метро");
		this.flows.card(caseId);
		String caption = "протокол ".repeat(100) + "&".repeat(150) + " конец подписи";
		telegram.userSendsMedia(user, "photo", caption);
		FakeBotApi.Call copy = telegram.awaitCall("copymessage", call -> call.chatId() == STAFF_CHAT_ID, WAIT);
		assertThat(copy.accepted()).as("Telegram took the media").isTrue();
		telegram.awaitCall("sendmessage",
				call -> call.chatId() == STAFF_CHAT_ID && call.accepted() && call.text().contains("конец подписи"),
				WAIT);
	}

	/**
	 * D6 of the reliability review: after {@code /forget}, nothing the person wrote or
	 * was sent can be read from the database file or its write-ahead log, and no row of
	 * the transport still names their chat.
	 */
	@Test
	void forgetLeavesNothingOfThePersonInTheDatabaseFileOrItsLog() throws IOException {
		long user = onboarded("ru", "UZ");
		List<String> traces = List.of("Зарина Юсупова", "бригадир Фаррух бил меня", "Консул Рахимов выехал",
				"я в подвале на Лесной");
		int beforeQuestion = telegram.screensOf(user).size();
		telegram.userSays(user, "меня зовут " + traces.get(0) + ", где купить телепорт", "ru");
		telegram.awaitScreen(user, beforeQuestion, WAIT);
		long caseId = this.flows.completeUrgentReport(user, "ru", "UZ", "меня избили сейчас, " + traces.get(1));
		FakeBotApi.Call card = this.flows.card(caseId);
		int before = telegram.screensOf(user).size();
		telegram.groupMessage(STAFF_CHAT_ID, STAFF_MEMBER, traces.get(2), card.messageId());
		telegram.awaitScreen(user, before, WAIT);
		telegram.userSays(user, traces.get(3), "ru");
		telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID && call.text().contains(traces.get(3)),
				WAIT);
		assertThat(databaseFiles().contains(traces.get(1))).as("the test can see what it looks for").isTrue();

		int beforeForget = telegram.screensOf(user).size();
		telegram.userSays(user, "/forget", "ru");
		FakeBotApi.Call confirm = telegram.awaitScreen(user, beforeForget, WAIT);
		telegram.userPresses(user, confirm.targetMessageId(), "x:1", "ru");
		telegram.awaitScreen(user, beforeForget + 1, WAIT);
		telegram.awaitQuiet(this.jdbc, WAIT);

		await().atMost(WAIT).untilAsserted(() -> {
			String files = databaseFiles();
			assertThat(traces.stream().filter(files::contains)).as("found in the database file or its log").isEmpty();
		});
		for (String table : List.of("inbox", "outbox", "unanswered_question", "report_case", "chat_user")) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE chat_id = ?")
				.param(user)
				.query(Long.class)
				.single()).as(table).isZero();
		}
	}

	/** The SQLite file and its write-ahead log, as bytes read as UTF-8. */
	private String databaseFiles() throws IOException {
		Path file = Path
			.of(this.jdbc.sql("PRAGMA database_list").query((rs, row) -> rs.getString("file")).list().get(0));
		StringBuilder bytes = new StringBuilder(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
		Path log = Path.of(file + "-wal");
		if (Files.exists(log)) {
			bytes.append(new String(Files.readAllBytes(log), StandardCharsets.UTF_8));
		}
		return bytes.toString();
	}

	@Test
	void staffCommandsManageCases() {
		long user = onboarded("uz", "UZ");
		long caseId = this.flows.completeUrgentReport(user, "uz", "UZ", "akamni militsiya ushlab ketdi hozir");
		this.flows.card(caseId);
		this.flows.staffSays("/cases");
		telegram.awaitCall("sendmessage",
				call -> call.chatId() == STAFF_CHAT_ID
						&& call.text().startsWith(this.flows.staffText("staff.cases.header"))
						&& call.text().contains("#" + caseId),
				WAIT);
		this.flows.staffSays("/take " + caseId);
		telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID && call.text().contains("#" + caseId)
				&& call.text().contains("Firstname" + STAFF_MEMBER), WAIT);
		assertThat(this.flows.status(caseId)).isEqualTo("TAKEN");
		this.flows.staffSays("/note " + caseId + " called the station, he is in room 3");
		telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID
				&& call.text().equals(this.flows.staffText("staff.note-saved", caseId)), WAIT);
		assertThat(telegram.textsSentTo(user)).noneMatch(text -> text.contains("room 3"));
		this.flows.staffSays("/stats");
		telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID && call.text().contains("detention"),
				WAIT);
		int beforeClose = telegram.screensOf(user).size();
		this.flows.staffSays("/close " + caseId);
		await().atMost(WAIT).until(() -> "CLOSED".equals(this.flows.status(caseId)));
		telegram.awaitScreen(user, beforeClose + 1, WAIT);
		int beforeReopen = telegram.screensOf(user).size();
		this.flows.staffSays("/reopen " + caseId);
		await().atMost(WAIT).until(() -> "OPEN".equals(this.flows.status(caseId)));
		assertThat(telegram.awaitScreen(user, beforeReopen, WAIT).text())
			.isEqualTo(this.flows.text("report.reopened", "uz", "UZ", Map.of("case", Long.toString(caseId))));
		this.flows.staffSays("/ban " + caseId);
		telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID && call.text()
			.equals(this.knowledge.current()
				.text("staff.banned", Audience.of("ru", null), Map.of("case", Long.toString(caseId), "days", "30"))),
				WAIT);
		int before = telegram.screensOf(user).size();
		telegram.userSays(user, "/start", "uz");
		awaitQuiet();
		assertThat(telegram.screensOf(user)).as("a banned person's messages are ignored").hasSize(before);
		this.flows.staffSays("/take 999999");
		telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT_ID
				&& call.text().equals(this.flows.staffText("staff.no-such-case", 999_999)), WAIT);
	}

}
