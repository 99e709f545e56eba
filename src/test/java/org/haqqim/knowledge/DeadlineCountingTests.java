package org.haqqim.knowledge;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17: how My dates counts a deadline, on the edges where a day too many gets
 * someone fined: month ends, leap years, weekends and holidays, an entry on a Friday. The
 * day counted from is the first day, so acting on the day given is always in time.
 */
class DeadlineCountingTests {

	/** A fixture, not a decree: 4 November 2026, and 1 to 8 January 2027. */
	private static final Holidays NOVEMBER_2026 = new Holidays(Map.of(2026, Set.of(LocalDate.parse("2026-11-04")), 2027,
			Set.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-05"),
					LocalDate.parse("2027-01-06"), LocalDate.parse("2027-01-07"), LocalDate.parse("2027-01-08"))));

	@ParameterizedTest(name = "{1} calendar days from {0}: {2}")
	@CsvSource({ "2026-11-01, 15, 2026-11-15", "2026-01-17, 15, 2026-01-31", "2026-01-20, 15, 2026-02-03",
			"2028-02-15, 15, 2028-02-29", "2027-02-15, 15, 2027-03-01", "2026-12-20, 30, 2027-01-18",
			"2026-11-01, 1, 2026-11-01" })
	void calendarDaysCountTheFirstDayAsDayOne(LocalDate from, int days, LocalDate due) {
		assertThat(new Deadline.Counting.CalendarDays(days).due(from, Holidays.none())).contains(due);
	}

	@ParameterizedTest(name = "the day before {0}: {1}")
	@CsvSource({ "2028-03-01, 2028-02-29", "2027-03-01, 2027-02-28", "2027-01-01, 2026-12-31" })
	void aPaymentIsDueTheDayBeforeThePaidTimeRunsOut(LocalDate paidUntil, LocalDate due) {
		assertThat(new Deadline.Counting.DayBefore().due(paidUntil, Holidays.none())).contains(due);
	}

	@ParameterizedTest(name = "7 working days from {0}: {1}")
	@CsvSource({ "2026-11-06, 2026-11-16", "2026-11-07, 2026-11-17", "2026-11-03, 2026-11-12",
			"2026-12-28, 2027-01-13" })
	void workingDaysSkipWeekendsAndHolidays(LocalDate from, LocalDate due) {
		assertThat(new Deadline.Counting.WorkingDays(7).due(from, NOVEMBER_2026)).as("Friday, Saturday, a holiday")
			.contains(due);
	}

	@Test
	void workingDaysInAYearWhoseHolidaysNobodyListedAreNotCounted() {
		assertThat(new Deadline.Counting.WorkingDays(7).due(LocalDate.parse("2027-12-28"), NOVEMBER_2026)).isEmpty();
		assertThat(new Deadline.Counting.WorkingDays(7).due(LocalDate.parse("2026-11-06"), Holidays.none())).isEmpty();
	}

	@Test
	void aDeadlineWhoseRuleIsNotCheckedGetsNoDate() {
		Deadline unchecked = new Deadline("registration-end", PersonalDate.REGISTRATION_UNTIL, Set.of(Citizenship.UZ),
				new Deadline.Counting.DayBefore(), false, List.of(), LocalDate.parse("2026-12-04"));
		assertThat(unchecked.due(LocalDate.parse("2027-02-01"), Holidays.none())).isEmpty();
	}

}
