package org.haqqim.dates;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: a citizen of Uzbekistan gives their dates by buttons only, in the calendar,
 * and sees their own timeline: registration, the patent, the medical exam, the patent
 * payment, each by its date and with its rule; reminders go on for what lies ahead.
 */
class DatesByKeyboardTests extends MyDatesScenario {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("uuuuMM");

	@Test
	void anUzbekCitizenPicksDatesInTheCalendarAndSeesWhatIsDueForUzbekCitizens() {
		long user = keepingDates("uz", "UZ");
		FakeBotApi.Call overview = last(user);
		assertThat(overview.buttons()).extracting(FakeBotApi.Button::data)
			.as("only the dates an Uzbek citizen's deadlines count from")
			.contains("dt:a:entry", "dt:a:patent-paid-until", "dt:a:registration-until")
			.doesNotContain("dt:a:patent-issued", "dt:a:contract-end");

		FakeBotApi.Call calendar = presses(user, overview, "dt:a:entry", "uz");
		String today = DateTimeFormatter.BASIC_ISO_DATE.format(today());
		String tomorrow = DateTimeFormatter.BASIC_ISO_DATE.format(today().plusDays(1));
		assertThat(calendar.buttons()).extracting(FakeBotApi.Button::data)
			.as("an entry cannot lie in the future")
			.contains("dt:p:entry:" + today)
			.doesNotContain("dt:p:entry:" + tomorrow);
		// two months back, so that every deadline counted from the entry has passed
		YearMonth previous = YearMonth.from(today()).minusMonths(1);
		FakeBotApi.Call lastMonth = presses(user, calendar, "dt:m:entry:" + MONTH.format(previous), "uz");
		assertThat(lastMonth.buttons()).extracting(FakeBotApi.Button::data)
			.contains("dt:m:entry:" + MONTH.format(previous.minusMonths(1)));
		FakeBotApi.Call twoMonthsBack = presses(user, lastMonth, "dt:m:entry:" + MONTH.format(previous.minusMonths(1)),
				"uz");
		LocalDate entry = previous.minusMonths(1).atDay(10);
		FakeBotApi.Call timeline = presses(user, twoMonthsBack,
				"dt:p:entry:" + DateTimeFormatter.BASIC_ISO_DATE.format(entry), "uz");

		assertThat(timeline.method()).as("the calendar becomes the timeline").isEqualTo("editmessagetext");
		assertThat(timeline.text()).contains(SHOWN.format(entry))
			.contains(SHOWN.format(entry.plusDays(14)) + "</b> – " + plain("dates.deadline.registration", "uz", "UZ"))
			.contains(SHOWN.format(entry.plusDays(29)) + "</b> – "
					+ plain("dates.deadline.patent-application", "uz", "UZ"))
			.contains(SHOWN.format(entry.plusDays(29)) + "</b> – "
					+ plain("dates.deadline.medical-and-fingerprints", "uz", "UZ"))
			.as("the registration rule is rendered for Uzbek citizens")
			.contains("15 kun")
			.contains("<a href=\"https://sevastopol-news.com/incident/2022/07/06/225603.html\">");

		FakeBotApi.Call paid = presses(user, timeline, "dt:a:patent-paid-until", "uz");
		LocalDate paidUntil = today().plusDays(40);
		FakeBotApi.Call nextMonth = presses(user, paid,
				"dt:m:patent-paid-until:" + MONTH.format(YearMonth.from(paidUntil)), "uz");
		FakeBotApi.Call withPayment = presses(user, nextMonth,
				"dt:p:patent-paid-until:" + DateTimeFormatter.BASIC_ISO_DATE.format(paidUntil), "uz");
		assertThat(withPayment.text()).contains(
				SHOWN.format(paidUntil.minusDays(1)) + "</b> – " + plain("dates.deadline.patent-payment", "uz", "UZ"));

		FakeBotApi.Call reminding = presses(user, withPayment, "dt:r:1", "uz");
		assertThat(reminding.text())
			.startsWith(this.knowledge.current().text("dates.reminders-on", Audience.of("uz", Citizenship.UZ)));
		assertThat(pendingReminders(user)).as("7 days, 2 days and on the day of the payment").isEqualTo(3);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM person_date WHERE chat_id = ?")
			.param(user)
			.query(Long.class)
			.single()).as("only the two dates given are kept").isEqualTo(2);
	}

}
