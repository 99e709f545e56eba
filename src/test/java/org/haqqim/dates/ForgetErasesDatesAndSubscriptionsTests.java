package org.haqqim.dates;

import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: /forget erases a person's dates, their consent, their reminders and the
 * topics they asked to be told about.
 */
class ForgetErasesDatesAndSubscriptionsTests extends MyDatesScenario {

	@Test
	void forgetErasesDatesConsentRemindersAndSubscriptions() {
		long user = remindedOfThePatent("en");
		FakeBotApi.Call answer = presses(user, last(user), "t:patent", "en");
		presses(user, answer, "an:s:patent", "en");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM subscription WHERE chat_id = ?")
			.param(user)
			.query(Long.class)
			.single()).isEqualTo(1);
		FakeBotApi.Call confirm = says(user, "/forget", "en");
		presses(user, confirm, "x:1", "en");
		for (String table : new String[] { "date_owner", "person_date", "date_reminder", "subscription" }) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE chat_id = ?")
				.param(user)
				.query(Long.class)
				.single()).as(table).isZero();
		}
		FakeBotApi.Call again = says(user, "/dates", "en");
		assertThat(again.text()).as("asked again, as someone new").doesNotContain(plain("dates.title", "en", "UZ"));
	}

}
