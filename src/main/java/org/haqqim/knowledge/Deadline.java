package org.haqqim.knowledge;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A date a person must act by, counted from one of their own dates, for the citizenships
 * it applies to (knowledge/deadlines.yaml). Only a deadline whose rule the dossier marks
 * as checked is given a date; the others are shown as "check with the consulate". Its
 * name and its rule are the texts {@code dates.deadline.<id>} and
 * {@code dates.rule.<id>}.
 */
public record Deadline(String id, PersonalDate countsFrom, Set<Citizenship> citizenships, Counting counting,
		boolean checked, List<Source> sources, LocalDate reviewed) {

	public Deadline {
		citizenships = Set.copyOf(citizenships);
		sources = List.copyOf(sources);
	}

	/**
	 * The last day to act, counted from the person's date, or empty when it cannot be
	 * counted (a rule not checked, a year whose holidays nobody listed).
	 */
	public Optional<LocalDate> due(LocalDate from, Holidays holidays) {
		return this.checked ? this.counting.due(from, holidays) : Optional.empty();
	}

	/**
	 * How a deadline is counted, always so that acting on the day it gives is in time:
	 * the day counted from is the first day.
	 */
	public sealed interface Counting {

		Optional<LocalDate> due(LocalDate from, Holidays holidays);

		/** N calendar days, the day counted from being the first. */
		record CalendarDays(int days) implements Counting {

			@Override
			public Optional<LocalDate> due(LocalDate from, Holidays holidays) {
				return Optional.of(from.plusDays(this.days - 1L));
			}

		}

		/**
		 * N working days, the day counted from being the first when it is one; weekends
		 * and the public holidays of the years covered do not count.
		 */
		record WorkingDays(int days) implements Counting {

			@Override
			public Optional<LocalDate> due(LocalDate from, Holidays holidays) {
				LocalDate day = from;
				int counted = 0;
				while (true) {
					if (!holidays.covers(day.getYear())) {
						return Optional.empty();
					}
					if (isWorkingDay(day, holidays) && ++counted == this.days) {
						return Optional.of(day);
					}
					day = day.plusDays(1);
				}
			}

			private static boolean isWorkingDay(LocalDate day, Holidays holidays) {
				DayOfWeek weekday = day.getDayOfWeek();
				return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY && !holidays.isHoliday(day);
			}

		}

		/** The day before the date counted from: the paid time must not run out. */
		record DayBefore() implements Counting {

			@Override
			public Optional<LocalDate> due(LocalDate from, Holidays holidays) {
				return Optional.of(from.minusDays(1));
			}

		}

	}

}
