package org.haqqim.dates;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.Deadline;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.haqqim.knowledge.Language;
import org.haqqim.knowledge.PersonalDate;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.Screen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen of My dates, in every language and for every citizenship of the real
 * knowledge base: each renders (every text and fact it uses exists), no placeholder is
 * left unfilled, and every button fits Telegram's 64 bytes and decodes back to an action;
 * a calendar month fits Telegram's 100 buttons.
 */
class EveryDateScreenTests {

	private static final LocalDate TODAY = LocalDate.parse("2026-12-04");

	private static KnowledgeBase knowledge;

	@BeforeAll
	static void load() {
		knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge")).knowledge().orElseThrow();
	}

	@Test
	void everyScreenRendersInEveryLanguageAndEveryButtonFitsTelegram() {
		int buttons = 0;
		for (Language language : knowledge.languages()) {
			for (Citizenship citizenship : Citizenship.values()) {
				DateScreens screens = new DateScreens(knowledge, Audience.of(language.code(), citizenship));
				for (Screen screen : allScreens(screens, citizenship)) {
					assertThat(screen.html()).as(language.code() + " " + citizenship)
						.doesNotContainPattern("\\{[a-z-]+}");
					buttons += checkButtons(screen);
				}
			}
		}
		assertThat(buttons).isGreaterThan(1000);
	}

	private static List<Screen> allScreens(DateScreens screens, Citizenship citizenship) {
		List<Screen> all = new ArrayList<>(List.of(screens.intro(), screens.declined(), screens.needCitizenship()));
		Map<PersonalDate, LocalDate> dates = new EnumMap<>(PersonalDate.class);
		for (PersonalDate date : PersonalDate.values()) {
			dates.put(date, date.isPast() ? TODAY.minusDays(20) : TODAY.plusDays(20));
			all.add(screens.ask(date, YearMonth.from(TODAY), TODAY, null));
			all.add(screens.ask(date, YearMonth.from(TODAY).plusMonths(date.isPast() ? -24 : 24), TODAY, "!"));
		}
		Timeline timeline = Timeline.of(dates, citizenship, knowledge.deadlines());
		for (boolean reminders : new boolean[] { true, false }) {
			all.add(screens.overview(new DateBook.Owner(1, null, reminders, dates), citizenship, timeline, TODAY,
					null));
			all.add(screens.overview(new DateBook.Owner(1, null, reminders, Map.of()), citizenship,
					Timeline.of(Map.of(), citizenship, knowledge.deadlines()), TODAY, "saved"));
		}
		for (Deadline deadline : knowledge.deadlines().applyingTo(citizenship)) {
			all.add(screens.reminder(deadline, TODAY.plusDays(7), TODAY));
		}
		return all;
	}

	private static int checkButtons(Screen screen) {
		if (!(screen.keyboard() instanceof Keyboard.Inline inline)) {
			return 0;
		}
		assertThat(inline.rows().stream().mapToInt(List::size).sum()).isLessThanOrEqualTo(100);
		int count = 0;
		for (List<Keyboard.Button> row : inline.rows()) {
			assertThat(row).hasSizeLessThanOrEqualTo(8);
			for (Keyboard.Button button : row) {
				assertThat(button.data().getBytes(StandardCharsets.UTF_8).length).isBetween(1, 64);
				assertThat(DateAction.decode(button.data())).as(button.data()).isPresent();
				assertThat(button.label()).isNotBlank();
				count++;
			}
		}
		return count;
	}

}
