package org.haqqim.reports;

import java.time.Duration;

import org.haqqim.EndToEndTest;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: two desks, the Uzbek consulate's and the main one. While Telegram refuses
 * everything for the Uzbek desk's group, a Kyrgyz person's case still reaches the main
 * desk at once; when the outage ends, the Uzbek case arrives at its desk, and never at
 * the other.
 */
class DesksEndToEndTests extends EndToEndTest {

	private static final long UZBEK_DESK = -1009000000001L;

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	CurrentKnowledge knowledge;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void twoDesks(DynamicPropertyRegistry registry) {
		registry.add("haqqim.reports.desks.uz.chat", () -> Long.toString(UZBEK_DESK));
		registry.add("haqqim.reports.desks.uz.citizenships", () -> "UZ");
		registry.add("haqqim.reports.desks.uz.name", () -> "Uzbekistan");
	}

	@Test
	void oneDesksOutageNeverDelaysTheOtherDesksCases() {
		for (int i = 0; i < 200; i++) {
			telegram.failNextTo(UZBEK_DESK, "sendmessage", FakeBotApi.Fault.serverError(502));
		}
		ReportFlows uzbekDesk = new ReportFlows(telegram, UZBEK_DESK, this.knowledge, this.jdbc);
		ReportFlows mainDesk = new ReportFlows(telegram, STAFF_CHAT_ID, this.knowledge, this.jdbc);
		long uzbek = onboarded("ru", "UZ");
		long uzbekCase = uzbekDesk.completeUrgentReport(uzbek, "ru", "UZ", "меня задержали сейчас в метро");
		long kyrgyz = onboarded("ru", "KG");
		long kyrgyzCase = mainDesk.completeUrgentReport(kyrgyz, "ru", "KG", "брата задержали сейчас на рынке");
		FakeBotApi.Call kyrgyzCard = mainDesk.card(kyrgyzCase);
		assertThat(telegram.calls("sendmessage")).as("the Uzbek desk is in outage meanwhile")
			.anyMatch(call -> call.chatId() == UZBEK_DESK && !call.accepted() && call.at().isBefore(kyrgyzCard.at()));
		telegram.recover();
		uzbekDesk.card(uzbekCase);
		assertThat(telegram.calls("sendmessage")).as("each desk saw only its own case")
			.noneMatch(call -> call.chatId() == STAFF_CHAT_ID && call.text().contains("меня задержали сейчас в метро"))
			.noneMatch(call -> call.chatId() == UZBEK_DESK && call.text().contains("брата задержали"));
		awaitQuiet();
	}

	@Test
	void statsAsAPictureReachTheDeskThatAskedAsAnUploadedPhoto() {
		telegram.groupMessage(UZBEK_DESK, ReportFlows.STAFF_MEMBER, "/stats chart", null);
		FakeBotApi.Call photo = telegram.awaitCall("sendphoto", call -> call.chatId() == UZBEK_DESK && call.accepted(),
				WAIT);
		assertThat(photo.body().path("photo").asText()).as("the picture is uploaded with the call, not a file id")
			.isEqualTo("attach://chart.png");
		assertThat(photo.body().path("chart.png").asText()).contains("PNG");
		awaitQuiet();
	}

}
