package org.haqqim.dates;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import org.haqqim.EndToEndTest;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.telegram.FakeBotApi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the scenarios of My dates share: a person who opened My dates and agreed to keep
 * their dates, the screens they see, and what the database holds for them.
 */
abstract class MyDatesScenario extends EndToEndTest {

	static final Duration WAIT = Duration.ofSeconds(15);

	static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

	static final DateTimeFormatter SHOWN = DateScreens.SHOWN;

	@Autowired
	CurrentKnowledge knowledge;

	@Autowired
	JdbcClient jdbc;

	/** A person who chose a language and a citizenship, opened /dates and said yes. */
	long keepingDates(String language, String citizenship) {
		long user = onboarded(language, citizenship);
		FakeBotApi.Call intro = says(user, "/dates", language);
		assertText(intro, "dates.intro", language, citizenship);
		FakeBotApi.Call overview = presses(user, intro, "dt:y", language);
		assertThat(overview.text()).contains(plain("dates.none-yet", language, citizenship));
		return user;
	}

	FakeBotApi.Call says(long user, String text, String language) {
		int seen = telegram.screensOf(user).size();
		telegram.userSays(user, text, app(language));
		return telegram.awaitScreen(user, seen, WAIT);
	}

	FakeBotApi.Call presses(long user, FakeBotApi.Call on, String data, String language) {
		int seen = telegram.screensOf(user).size();
		telegram.userPresses(user, on.targetMessageId(), data, app(language));
		return telegram.awaitScreen(user, seen, WAIT);
	}

	/**
	 * A citizen of Uzbekistan whose patent is paid for 40 more days and who asked for
	 * reminders: three wait, 7 days, 2 days and 1 day before it runs out.
	 */
	long remindedOfThePatent(String language) {
		long user = keepingDates(language, "UZ");
		presses(user, last(user), "dt:a:patent-paid-until", language);
		FakeBotApi.Call timeline = says(user, SHOWN.format(today().plusDays(40)), language);
		presses(user, timeline, "dt:r:1", language);
		assertThat(pendingReminders(user)).isEqualTo(3);
		return user;
	}

	static FakeBotApi.Call last(long user) {
		return telegram.screensOf(user).get(telegram.screensOf(user).size() - 1);
	}

	void assertText(FakeBotApi.Call call, String key, String language, String citizenship) {
		assertThat(call.text()).isEqualTo(this.knowledge.current().text(key, audience(language, citizenship)));
	}

	String plain(String key, String language, String citizenship) {
		return this.knowledge.current().plainText(key, audience(language, citizenship));
	}

	static LocalDate today() {
		return LocalDate.now(MOSCOW);
	}

	long pendingReminders(long user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM date_reminder WHERE chat_id = ? AND status = 'PENDING'")
			.param(user)
			.query(Long.class)
			.single();
	}

	/** As if the time of the person's next reminder had come. */
	void nextReminderIsDue(long user) {
		this.jdbc.sql("""
				UPDATE date_reminder SET remind_at = 0 WHERE id = (SELECT MIN(id) FROM date_reminder
				WHERE chat_id = ? AND status = 'PENDING')""").param(user).update();
	}

	Optional<String> awaiting(long user) {
		return this.jdbc.sql("SELECT awaiting FROM date_owner WHERE chat_id = ?")
			.param(user)
			.query(String.class)
			.optional();
	}

	private static Audience audience(String language, String citizenship) {
		return Audience.of(language, Citizenship.valueOf(citizenship));
	}

	private static String app(String language) {
		return language.startsWith("uz") ? "uz" : language;
	}

}
