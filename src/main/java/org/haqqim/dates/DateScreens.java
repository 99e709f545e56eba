package org.haqqim.dates;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.Deadline;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.PersonalDate;
import org.haqqim.knowledge.Source;
import org.haqqim.text.Html;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.Screen;

/** The screens of My dates, in the person's language. */
final class DateScreens {

	static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.uuuu");

	/** How far back or ahead a date may be picked in the calendar. */
	static final int YEARS_AROUND = 2;

	private static final String UNUSED_CELL = "·";

	private final KnowledgeBase knowledge;

	private final Audience audience;

	DateScreens(KnowledgeBase knowledge, Audience audience) {
		this.knowledge = knowledge;
		this.audience = audience;
	}

	Screen intro() {
		return new Screen(text("dates.intro"),
				Keyboard.Inline.column(List.of(button("button.dates-keep", new DateAction.Consent(true)),
						button("button.dates-no", new DateAction.Consent(false)))));
	}

	Screen declined() {
		return Screen.of(text("dates.declined"));
	}

	Screen needCitizenship() {
		return Screen.of(text("dates.need-citizenship"));
	}

	/**
	 * The person's dates and what is due, soonest first, each with its rule and its
	 * source; buttons to give or change a date and to switch reminders.
	 */
	Screen overview(DateBook.Owner view, Citizenship citizenship, Timeline timeline, LocalDate today, String notice) {
		StringBuilder html = new StringBuilder();
		if (notice != null) {
			html.append(notice).append("\n\n");
		}
		html.append(text("dates.title")).append('\n');
		if (view.dates().isEmpty()) {
			html.append(text("dates.none-yet"));
		}
		else {
			html.append(text("dates.your-dates"));
			view.dates()
				.forEach((date, day) -> html.append("\n• ")
					.append(Html.escape(plain("date." + date.id())))
					.append(": ")
					.append(SHOWN.format(day)));
			html.append("\n\n").append(text("dates.due-title"));
			if (timeline.dues().isEmpty()) {
				html.append('\n').append(text("dates.nothing-due"));
			}
			boolean passed = false;
			for (Timeline.Due due : timeline.dues()) {
				html.append("\n\n").append(line(due, today)).append('\n').append(rule(due.deadline()));
				passed |= due.day().map(day -> day.isBefore(today)).orElse(false);
			}
			if (passed) {
				html.append("\n\n").append(text("dates.overdue-advice"));
			}
			html.append("\n\n<i>").append(text("dates.footer")).append("</i>");
		}
		List<List<Keyboard.Button>> rows = new ArrayList<>();
		for (PersonalDate date : Timeline.datesFor(citizenship, this.knowledge.deadlines())) {
			rows.add(List.of(new Keyboard.Button("✏️ " + capitalized(plain("date." + date.id())),
					new DateAction.Ask(date).encode())));
		}
		if (!view.dates().isEmpty()) {
			rows.add(List.of(view.reminders() ? button("button.dates-stop", new DateAction.Remind(false))
					: button("button.dates-remind", new DateAction.Remind(true))));
		}
		return new Screen(html.toString(), new Keyboard.Inline(rows));
	}

	/** "When was it?", with a calendar of one month. */
	Screen ask(PersonalDate date, YearMonth month, LocalDate today, String problem) {
		String question = text("dates.ask", Map.of("kind", plain("date." + date.id())));
		String html = problem == null ? question : problem + "\n\n" + question;
		return new Screen(html, calendar(date, month, today));
	}

	/** A reminder, with "done", "tomorrow" and "stop reminders". */
	Screen reminder(Deadline deadline, LocalDate due, LocalDate today) {
		String html = text("dates.reminder",
				Map.of("deadline", plain("dates.deadline." + deadline.id()), "when", Html.toPlainText(when(due, today)),
						"date", SHOWN.format(due), "rule", Html.toPlainText(rule(deadline))));
		return new Screen(html,
				Keyboard.Inline.column(List.of(button("button.reminder-done", new DateAction.Done(deadline.id())),
						button("button.reminder-tomorrow", new DateAction.Tomorrow(deadline.id())),
						button("button.dates-stop", new DateAction.Remind(false)))));
	}

	String text(String key) {
		return this.knowledge.text(key, this.audience);
	}

	String text(String key, Map<String, String> params) {
		return this.knowledge.text(key, this.audience, params);
	}

	private String line(Timeline.Due due, LocalDate today) {
		String deadline = plain("dates.deadline." + due.deadline().id());
		return due.day()
			.map(day -> text("dates.line",
					Map.of("when", Html.toPlainText(when(day, today)), "date", SHOWN.format(day), "deadline",
							deadline)))
			.orElseGet(() -> "<b>" + Html.escape(deadline) + "</b>: " + text("dates.check"));
	}

	private String when(LocalDate day, LocalDate today) {
		long days = ChronoUnit.DAYS.between(today, day);
		if (days < 0) {
			return text("dates.overdue");
		}
		if (days == 0) {
			return text("dates.today");
		}
		if (days == 1) {
			return text("dates.tomorrow");
		}
		return text("dates.in-days", Map.of("days", Long.toString(days)));
	}

	/** The rule as the person's citizenship reads it, and where it comes from. */
	private String rule(Deadline deadline) {
		StringBuilder html = new StringBuilder(text("dates.rule." + deadline.id()));
		Optional<Source> source = deadline.sources().stream().findFirst();
		source.ifPresent(found -> {
			String label = Html.escape(plain("dates.source"));
			html.append(" (")
				.append(found.url() == null ? label + ": " + Html.escape(found.title())
						: "<a href=\"" + Html.escape(found.url()) + "\">" + label + "</a>")
				.append(')');
		});
		return html.toString();
	}

	/**
	 * A month as buttons: the days a date of this kind can be, the others as dots, the
	 * weekdays on top and the months around it at the ends of the title row.
	 */
	private Keyboard.Inline calendar(PersonalDate date, YearMonth month, LocalDate today) {
		LocalDate earliest = date.isPast() ? today.minusYears(YEARS_AROUND) : today;
		LocalDate latest = date.isPast() ? today : today.plusYears(YEARS_AROUND);
		String[] months = plain("dates.months").split(",");
		String[] weekdays = plain("dates.weekdays").split(",");
		List<List<Keyboard.Button>> rows = new ArrayList<>();
		YearMonth previous = month.minusMonths(1);
		YearMonth next = month.plusMonths(1);
		rows.add(List.of(
				previous.atEndOfMonth().isBefore(earliest) ? unused()
						: new Keyboard.Button("‹", new DateAction.ShowMonth(date, previous).encode()),
				new Keyboard.Button(months[month.getMonthValue() - 1].strip() + " " + month.getYear(),
						new DateAction.Nothing().encode()),
				next.atDay(1).isAfter(latest) ? unused()
						: new Keyboard.Button("›", new DateAction.ShowMonth(date, next).encode())));
		List<Keyboard.Button> header = new ArrayList<>();
		for (String weekday : weekdays) {
			header.add(new Keyboard.Button(weekday.strip(), new DateAction.Nothing().encode()));
		}
		rows.add(header);
		List<Keyboard.Button> cells = new ArrayList<>();
		int leading = month.atDay(1).getDayOfWeek().getValue() - 1;
		for (int i = 0; i < leading; i++) {
			cells.add(unused());
		}
		for (int day = 1; day <= month.lengthOfMonth(); day++) {
			LocalDate candidate = month.atDay(day);
			boolean possible = !candidate.isBefore(earliest) && !candidate.isAfter(latest);
			cells.add(
					possible ? new Keyboard.Button(Integer.toString(day), new DateAction.Pick(date, candidate).encode())
							: unused());
		}
		while (cells.size() % 7 != 0) {
			cells.add(unused());
		}
		rows.addAll(Keyboard.Inline.grid(cells, 7).rows());
		rows.add(List.of(button("button.cancel", new DateAction.Open())));
		return new Keyboard.Inline(rows);
	}

	private static Keyboard.Button unused() {
		return new Keyboard.Button(UNUSED_CELL, new DateAction.Nothing().encode());
	}

	private Keyboard.Button button(String key, DateAction action) {
		return new Keyboard.Button(plain(key), action.encode());
	}

	private String plain(String key) {
		return this.knowledge.plainText(key, this.audience);
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
