package org.haqqim.dates;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 17: a person who blocked the bot gets no more reminders: the first one Telegram
 * refuses switches them off.
 */
class BlockedBotStopsRemindersTests extends MyDatesScenario {

	@Autowired
	ReminderSender sender;

	@Test
	void theFirstReminderTelegramRefusesForABlockedBotSwitchesRemindersOff() {
		long user = remindedOfThePatent("uz");
		telegram.blockBy(user);
		nextReminderIsDue(user);
		this.sender.sendDue();
		await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT reminders FROM date_owner WHERE chat_id = ?")
				.param(user)
				.query(Integer.class)
				.single() == 0);
		assertThat(pendingReminders(user)).isZero();
	}

}
