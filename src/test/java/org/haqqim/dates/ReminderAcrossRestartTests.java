package org.haqqim.dates;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.haqqim.cli.RunningBot;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a reminder whose time came while the bot was stopped is sent after it starts
 * again, once: the reminders live in the database, and each is marked sent in the
 * transaction that queues its message.
 */
class ReminderAcrossRestartTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final DateTimeFormatter SHOWN = DateScreens.SHOWN;

	@TempDir
	Path temporary;

	@Test
	void aReminderDueWhileTheBotWasStoppedIsSentOnceAfterItStarts() {
		long user = 77_000_017L;
		Path database = this.temporary.resolve("dates.db");
		JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite:" + database));
		try (FakeBotApi telegram = new FakeBotApi().start()) {
			ConfigurableApplicationContext first = RunningBot
				.start(RunningBot.environment(telegram, -1009877L, database));
			try {
				FakeBotApi.Call screen = say(telegram, user, "/start");
				screen = press(telegram, user, screen, "l:ru");
				press(telegram, user, screen, "c:UZ");
				screen = say(telegram, user, "/dates");
				screen = press(telegram, user, screen, "dt:y");
				press(telegram, user, screen, "dt:a:patent-paid-until");
				LocalDate paidUntil = LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(40);
				screen = say(telegram, user, SHOWN.format(paidUntil));
				press(telegram, user, screen, "dt:r:1");
				telegram.awaitQuiet(jdbc, WAIT);
			}
			finally {
				first.close();
			}
			jdbc.sql("UPDATE date_reminder SET remind_at = 0 WHERE id = (SELECT MIN(id) FROM date_reminder)").update();
			int before = telegram.screensOf(user).size();

			ConfigurableApplicationContext second = RunningBot
				.start(RunningBot.environment(telegram, -1009877L, database));
			try {
				FakeBotApi.Call reminder = telegram.awaitScreen(user, before, WAIT);
				assertThat(reminder.buttons()).extracting(FakeBotApi.Button::data).contains("dt:t:patent-payment");
				assertThat(jdbc.sql("SELECT status FROM date_reminder ORDER BY id").query(String.class).list())
					.containsExactly("SENT", "PENDING", "PENDING");
			}
			finally {
				second.close();
			}
			assertThat(telegram.screensOf(user)).as("one reminder").hasSize(before + 1);
		}
	}

	private static FakeBotApi.Call say(FakeBotApi telegram, long user, String text) {
		int seen = telegram.screensOf(user).size();
		telegram.userSays(user, text, "ru");
		return telegram.awaitScreen(user, seen, WAIT);
	}

	private static FakeBotApi.Call press(FakeBotApi telegram, long user, FakeBotApi.Call on, String data) {
		int seen = telegram.screensOf(user).size();
		telegram.userPresses(user, on.targetMessageId(), data, "ru");
		return telegram.awaitScreen(user, seen, WAIT);
	}

}
