package org.haqqim.dates;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a citizen of Kyrgyzstan types their dates the way people type them ("кечээ",
 * "12.11") and sees the EAEU rules: 30 days for registration, 15 days after a contract
 * ends; a date that cannot be is refused with the reason; a message that is not a date
 * while one is asked for is answered as the question it is.
 */
class DatesTypedTests extends MyDatesScenario {

	@Test
	void aKyrgyzCitizenTypesDatesAndSeesTheEaeuRules() {
		long user = keepingDates("ky", "KG");
		FakeBotApi.Call asked = presses(user, last(user), "dt:a:entry", "ky");
		assertThat(asked.text()).contains(plain("date.entry", "ky", "KG"));
		FakeBotApi.Call timeline = says(user, "кечээ", "ky");
		assertThat(timeline.text()).contains(SHOWN.format(today().minusDays(1)))
			.contains(SHOWN.format(today().minusDays(1).plusDays(29)) + "</b> – "
					+ plain("dates.deadline.registration", "ky", "KG"))
			.as("the patent is not for EAEU citizens")
			.doesNotContain(plain("dates.deadline.patent-application", "ky", "KG"))
			.contains("30 күн");

		presses(user, timeline, "dt:a:contract-end", "ky");
		String contractEnd = SHOWN.format(today().plusDays(10));
		FakeBotApi.Call withContract = says(user, contractEnd.substring(0, 5), "ky");
		assertThat(withContract.text()).contains(SHOWN.format(today().plusDays(10).plusDays(14)) + "</b> – "
				+ plain("dates.deadline.new-employer", "ky", "KG"));
	}

	@Test
	void anEntryInTheFutureIsRefusedWithTheReason() {
		long user = keepingDates("ru", "KG");
		presses(user, last(user), "dt:a:entry", "ru");
		FakeBotApi.Call refused = says(user, SHOWN.format(today().plusDays(3)), "ru");
		assertThat(refused.text())
			.startsWith(this.knowledge.current().text("dates.not-in-future", Audience.of("ru", Citizenship.KG)));
		assertThat(awaiting(user)).as("still asking for the entry").contains("entry");
	}

	@Test
	void aMessageThatIsNotADateIsAnsweredAsAQuestionAndTheBotStopsAsking() {
		long user = keepingDates("ru", "UZ");
		presses(user, last(user), "dt:a:entry", "ru");
		FakeBotApi.Call answer = says(user, "работодатель забрал мой паспорт и не отдаёт", "ru");
		assertThat(answer.text()).doesNotContain(plain("dates.title", "ru", "UZ"));
		assertThat(awaiting(user)).as("no longer asking").isEmpty();
	}

}
