package org.haqqim.announcements;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.haqqim.EndToEndTest;
import org.haqqim.knowledge.Announcement;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.Source;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: people who pressed "tell me if this changes" under an answer get the
 * maintainers' announcement about that topic, in their language and only for their
 * citizenship when it names one; a person who blocked the bot is unsubscribed; the staff
 * chat is told the counts once it has gone out.
 */
class AnnouncementToSubscribersTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	Announcements announcements;

	@Autowired
	CurrentKnowledge knowledge;

	@Autowired
	JdbcClient jdbc;

	@Test
	void subscribersOfTheTopicGetItInTheirLanguageAndStaffAreToldTheCounts() {
		long uzbek = subscribedToThePatent("uz", "UZ");
		long tajik = subscribedToThePatent("ru", "TJ");
		long kyrgyz = subscribedToThePatent("ky", "KG");
		long blocked = subscribedToThePatent("ru", "UZ");
		long other = onboarded("ru", "UZ");
		telegram.blockBy(blocked);

		Announcement announcement = new Announcement("patent-price-2027", LocalDate.parse("2026-12-04"),
				Set.of("patent"), Set.of(Citizenship.UZ, Citizenship.TJ),
				List.of(new Source("A source", "https://example.org/patent", LocalDate.parse("2026-12-04"), null)),
				Map.of("ru", "Цена **патента** меняется.", "uz", "Patent narxi oʻzgaradi.", "uz-Cyrl",
						"Патент нархи ўзгаради.", "ky", "Патенттин баасы өзгөрөт.", "tg", "Нархи патент тағйир меёбад.",
						"en", "The patent price changes."));
		assertThat(this.announcements.reach(announcement)).as("the patent's subscribers of UZ and TJ").isEqualTo(3);
		assertThat(this.announcements.queue(announcement, this.knowledge.current())).isEqualTo(3);

		await().atMost(WAIT).until(() -> telegram.textsSentTo(uzbek).contains("📣 Patent narxi oʻzgaradi."));
		await().atMost(WAIT).until(() -> telegram.textsSentTo(tajik).contains("📣 Цена <b>патента</b> меняется."));
		FakeBotApi.Call staffNotice = telegram.awaitCall("sendmessage",
				call -> call.chatId() == STAFF_CHAT_ID && call.text().startsWith("📣"), WAIT);
		assertThat(staffNotice.text()).isEqualTo(this.knowledge.current()
			.text("staff.announcement-done", Audience.of(this.knowledge.current().defaultLanguage(), null),
					Map.of("id", "patent-price-2027", "sent", "2", "blocked", "1", "failed", "0")));
		assertThat(telegram.textsSentTo(kyrgyz)).as("the announcement is for UZ and TJ")
			.noneMatch(text -> text.startsWith("📣"));
		assertThat(telegram.textsSentTo(other)).noneMatch(text -> text.startsWith("📣"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM subscription WHERE chat_id = ?")
			.param(blocked)
			.query(Long.class)
			.single()).as("who blocked the bot is unsubscribed").isZero();
		assertThat(this.jdbc.sql("SELECT status FROM announcement_delivery ORDER BY status").query(String.class).list())
			.containsExactly("BLOCKED", "SENT", "SENT");
	}

	/** A person who opened the patent's answer and pressed "tell me if this changes". */
	private long subscribedToThePatent(String language, String citizenship) {
		long user = onboarded(language, citizenship);
		String app = language.startsWith("uz") ? "uz" : language;
		int seen = telegram.screensOf(user).size();
		telegram.userPresses(user, telegram.screensOf(user).get(seen - 1).targetMessageId(), "t:patent", app);
		FakeBotApi.Call answer = telegram.awaitScreen(user, seen, WAIT);
		telegram.userPresses(user, answer.targetMessageId(), answer.buttonData("an:s:patent"), app);
		FakeBotApi.Call subscribed = telegram.awaitScreen(user, seen + 1, WAIT);
		assertThat(subscribed.buttons()).extracting(FakeBotApi.Button::data).containsExactly("an:u:patent");
		return user;
	}

}
