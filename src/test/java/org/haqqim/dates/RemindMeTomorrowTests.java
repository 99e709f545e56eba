package org.haqqim.dates;

import java.time.Instant;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a reminder arrives once, in the person's language, with "done", "tomorrow"
 * and "stop reminders"; "tomorrow" brings it back the next day at the reminder hour, and
 * "done" ends the reminders about that deadline for good.
 */
class RemindMeTomorrowTests extends MyDatesScenario {

	@Autowired
	ReminderSender sender;

	@Test
	void aReminderComesOnceAndTomorrowBringsItBackAndDoneEndsIt() {
		long user = remindedOfThePatent("ru");
		int before = telegram.screensOf(user).size();
		nextReminderIsDue(user);
		this.sender.sendDue();
		FakeBotApi.Call reminder = telegram.awaitScreen(user, before, WAIT);
		assertThat(reminder.text()).contains(plain("dates.deadline.patent-payment", "ru", "UZ"))
			.contains(SHOWN.format(today().plusDays(39)));
		assertThat(reminder.buttons()).extracting(FakeBotApi.Button::data)
			.containsExactly("dt:d:patent-payment", "dt:t:patent-payment", "dt:r:0");
		this.sender.sendDue();
		awaitQuiet();
		assertThat(telegram.screensOf(user)).as("sent once").hasSize(before + 1);
		assertThat(pendingReminders(user)).isEqualTo(2);

		FakeBotApi.Call tomorrow = presses(user, reminder, "dt:t:patent-payment", "ru");
		assertThat(tomorrow.text())
			.isEqualTo(this.knowledge.current().text("dates.reminder-tomorrow", Audience.of("ru", Citizenship.UZ)));
		Instant tenTomorrow = today().plusDays(1).atTime(10, 0).atZone(MOSCOW).toInstant();
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM date_reminder WHERE chat_id = ? AND status = 'PENDING' " + "AND remind_at = ?")
			.params(user, tenTomorrow.toEpochMilli())
			.query(Long.class)
			.single()).as("once more tomorrow at 10:00 Moscow time").isEqualTo(1);

		presses(user, reminder, "dt:d:patent-payment", "ru");
		assertThat(pendingReminders(user)).as("done: no more about the payment").isZero();
		FakeBotApi.Call overview = says(user, "/dates", "ru");
		FakeBotApi.Call off = presses(user, overview, "dt:r:0", "ru");
		presses(user, off, "dt:r:1", "ru");
		assertThat(pendingReminders(user)).as("switching reminders on again does not bring back what is done").isZero();
	}

}
