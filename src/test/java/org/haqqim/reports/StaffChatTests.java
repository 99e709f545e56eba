package org.haqqim.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

import org.haqqim.EndToEndTest;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.system.MovableClock;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The staff chat as a forum supergroup with one topic per case, under Telegram's real
 * limit of twenty messages a minute, with a staff list; reminders and retention run on a
 * clock the tests move.
 */
@TestPropertySource(properties = { "haqqim.reports.forum-topics=true", "haqqim.telegram.group-messages-per-minute=20",
		"haqqim.reports.staff-user-ids=" + ReportFlows.STAFF_MEMBER })
class StaffChatTests extends EndToEndTest {

	private static final Duration WAIT = ReportFlows.WAIT;

	private static final MovableClock clock = MovableClock.aheadOfNow();

	@Autowired
	CurrentKnowledge knowledge;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseUpkeep upkeep;

	private ReportFlows flows;

	@Test
	void eachCaseGetsOneForumTopicEvenWhenMessagesArriveTogether() {
		wire();
		long user = onboarded("ru", "UZ");
		telegram.failNext("createforumtopic", FakeBotApi.Fault.delay(Duration.ofMillis(1500)), 1);
		long caseId = this.flows.completeUrgentReport(user, "ru", "UZ", "хозяин забрал паспорт сейчас");
		telegram.userSays(user, "он закрыл нас на складе", "ru");
		telegram.userSays(user, "нас тут пятеро", "ru");
		FakeBotApi.Call topic = telegram.awaitCall("createforumtopic",
				call -> call.body().path("name").asText().startsWith("#" + caseId), WAIT);
		await().atMost(WAIT).until(() -> this.flows.relayedTexts(caseId).size() == 2);
		assertThat(telegram.calls("createforumtopic"))
			.filteredOn(call -> call.body().path("name").asText().startsWith("#" + caseId))
			.hasSize(1);
		int thread = this.jdbc.sql("SELECT thread_id FROM report_case WHERE id = ?")
			.param(caseId)
			.query(Integer.class)
			.single();
		FakeBotApi.Call card = this.flows.card(caseId);
		assertThat(card.body().path("message_thread_id").asInt()).isEqualTo(thread);
		assertThat(this.flows.relayedTexts(caseId)).containsExactly("он закрыл нас на складе", "нас тут пятеро");
		assertThat(topic.accepted()).isTrue();

		int before = telegram.screensOf(user).size();
		telegram.topicMessage(STAFF_CHAT_ID, ReportFlows.STAFF_MEMBER, thread,
				"Мы звоним в полицию, оставайтесь на связи");
		assertThat(telegram.awaitScreen(user, before, WAIT).text())
			.endsWith("Мы звоним в полицию, оставайтесь на связи");
	}

	@Test
	void sixtyReportsInAMinuteAreAllKeptAndTheGroupLimitIsKept() {
		wire();
		awaitQuiet();
		Instant start = Instant.now();
		long[] users = new long[60];
		for (int i = 0; i < users.length; i++) {
			users[i] = EndToEndTest.newUserId();
			telegram.userSays(users[i], "/report", "ru");
		}
		String skip = this.knowledge.current().plainText("button.skip", Audience.of("ru", null));
		for (long user : users) {
			FakeBotApi.Call what = telegram.awaitScreen(user, 1, WAIT);
			telegram.userPresses(user, what.targetMessageId(), what.buttonData("rp:skip:"), "ru");
		}
		for (long user : users) {
			assertThat(telegram.awaitScreen(user, 2, WAIT).text()).startsWith("✅");
		}
		Instant received = Instant.now();
		for (long user : users) {
			FakeBotApi.Call city = telegram.awaitScreen(user, 3, WAIT);
			telegram.userPresses(user, city.targetMessageId(), city.buttonData("rp:skip:"), "ru");
		}
		for (long user : users) {
			FakeBotApi.Call when = telegram.awaitScreen(user, 4, WAIT);
			telegram.userPresses(user, when.targetMessageId(), when.buttonData("rp:skip:"), "ru");
		}
		for (int step = 5; step <= 6; step++) {
			for (long user : users) {
				telegram.awaitScreen(user, step, WAIT);
				telegram.userSays(user, skip, "ru");
			}
		}
		for (long user : users) {
			telegram.awaitScreen(user, 7, WAIT);
		}
		assertThat(Duration.between(start, received)).isLessThan(Duration.ofSeconds(55));
		long open = this.jdbc
			.sql("SELECT COUNT(*) FROM report_case WHERE status = 'OPEN' AND chat_id IN ("
					+ String.join(",", Arrays.stream(users).mapToObj(Long::toString).toList()) + ")")
			.query(Long.class)
			.single();
		assertThat(open).as("every report is a case").isEqualTo(60);
		this.upkeep.run();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM report_case WHERE status = 'OPEN' AND announced = 0")
			.query(Long.class)
			.single()).as("cases over the card limit are announced in a digest").isZero();
		// Waiting for quiet first: the last messages of an earlier test, paced on a clock
		// it
		// moved days ahead, must not arrive inside this test's minute.
		long staffMessagesInTheFirstMinute = telegram.calls()
			.stream()
			.filter(call -> call.accepted() && call.chatId() == STAFF_CHAT_ID
					&& !call.method().equals("answercallbackquery"))
			.filter(call -> call.at().isBefore(start.plusSeconds(60)) && !call.at().isBefore(start))
			.count();
		assertThat(staffMessagesInTheFirstMinute).isLessThanOrEqualTo(20);
	}

	@Test
	void onlyListedStaffMayUseCommands() {
		wire();
		telegram.groupMessage(STAFF_CHAT_ID, 12345, "/cases", null);
		telegram.awaitCall("sendmessage",
				call -> call.chatId() == STAFF_CHAT_ID && call.text().equals(this.flows.staffText("staff.not-allowed")),
				WAIT);
	}

	@Test
	void anUnansweredUrgentCaseIsRaisedAgainWithBackoffAndThePersonIsReassured() {
		wire();
		long user = onboarded("tg", "TJ");
		long caseId = this.flows.completeUrgentReport(user, "tg", "TJ", "маро ҳозир милиса дастгир кард");
		this.upkeep.run();
		assertThat(reminders(caseId)).isZero();
		clock.advance(Duration.ofMinutes(16));
		this.upkeep.run();
		this.upkeep.run();
		await().atMost(WAIT).until(() -> reminders(caseId) == 1);
		clock.advance(Duration.ofMinutes(20));
		this.upkeep.run();
		assertThat(reminders(caseId)).as("the second reminder waits twice as long").isEqualTo(1);
		clock.advance(Duration.ofMinutes(15));
		this.upkeep.run();
		await().atMost(WAIT).until(() -> reminders(caseId) == 2);
		clock.advance(Duration.ofHours(2));
		int before = telegram.screensOf(user).size();
		this.upkeep.run();
		assertThat(telegram.awaitScreen(user, before, WAIT).text()).isEqualTo(this.knowledge.current()
			.text("report.still-open", Audience.of("tg", Citizenship.TJ), Map.of("case", Long.toString(caseId))));
	}

	@Test
	void theContentOfAClosedCaseIsErasedAfterTheRetentionPeriod() {
		wire();
		long user = onboarded("en", "KZ");
		long caseId = this.flows.completeUrgentReport(user, "en", "KZ", "my boss beat me, I am bleeding");
		this.flows.card(caseId);
		telegram.groupMessage(STAFF_CHAT_ID, ReportFlows.STAFF_MEMBER, "/close " + caseId, null);
		await().atMost(WAIT).until(() -> "CLOSED".equals(this.flows.status(caseId)));
		clock.advance(Duration.ofDays(89));
		this.upkeep.run();
		assertThat(messages(caseId)).isPositive();
		clock.advance(Duration.ofDays(2));
		this.upkeep.run();
		assertThat(messages(caseId)).isZero();
		assertThat(
				this.jdbc.sql("SELECT chat_id FROM report_case WHERE id = ?").param(caseId).query(Long.class).single())
			.isZero();
		assertThat(this.flows.status(caseId)).as("an anonymous count remains").isEqualTo("CLOSED");
	}

	private void wire() {
		this.flows = new ReportFlows(telegram, STAFF_CHAT_ID, this.knowledge, this.jdbc);
	}

	private long reminders(long caseId) {
		return this.jdbc.sql("SELECT reminders FROM report_case WHERE id = ?").param(caseId).query(Long.class).single();
	}

	private long messages(long caseId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM case_message WHERE case_id = ?")
			.param(caseId)
			.query(Long.class)
			.single();
	}

	@TestConfiguration
	static class MovableTime {

		@Bean
		@Primary
		Clock movableClock() {
			return clock;
		}

	}

}
