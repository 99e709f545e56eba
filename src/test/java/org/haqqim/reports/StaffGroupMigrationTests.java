package org.haqqim.reports;

import java.time.Duration;

import org.haqqim.EndToEndTest;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R17: the staff group became a supergroup. The card Telegram refused for the old id is
 * kept and sent again, the operator is told which id to set, and the bot stays in the new
 * group instead of leaving it as a stranger's.
 */
class StaffGroupMigrationTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final long NEW_GROUP = -100_555_444_333L;

	@Autowired
	CurrentKnowledge knowledge;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aStaffGroupThatBecameASupergroupKeepsItsCardsAndTheBotStaysInTheNewGroup(CapturedOutput output) {
		ReportFlows flows = new ReportFlows(telegram, STAFF_CHAT_ID, this.knowledge, this.jdbc);
		telegram.failNextTo(STAFF_CHAT_ID, "sendmessage", FakeBotApi.Fault.migrated(NEW_GROUP));
		long user = onboarded("ru", "KG");
		long caseId = flows.completeUrgentReport(user, "ru", "KG", "меня задержали сейчас на рынке");
		flows.card(caseId);
		assertThat(telegram.calls("sendmessage")).as("the first try was refused as moved")
			.anyMatch(call -> call.chatId() == STAFF_CHAT_ID && !call.accepted());
		await().atMost(WAIT).until(() -> output.getAll().contains("STAFF_CHAT_ID"));
		assertThat(output.getAll()).contains(Long.toString(NEW_GROUP));
		telegram.groupMessage(NEW_GROUP, ReportFlows.STAFF_MEMBER, "/cases", null);
		awaitQuiet();
		assertThat(telegram.calls("leavechat")).noneMatch(call -> call.chatId() == NEW_GROUP);
	}

}
