package org.haqqim.reports;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.haqqim.knowledge.Language;
import org.haqqim.knowledge.Topic;
import org.haqqim.text.Html;
import org.haqqim.transport.Keyboard;
import org.haqqim.transport.Screen;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every screen of a case, for every language and citizenship of the real knowledge base,
 * and every staff screen in every language staff may choose: each renders, and every
 * button fits Telegram's 64 bytes and decodes back to the case action it stands for.
 */
class EveryReportScreenTests {

	private static KnowledgeBase knowledge;

	@BeforeAll
	static void load() {
		knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge")).knowledge().orElseThrow();
	}

	@Test
	void everyScreenOfACaseRendersInEveryLanguageAndItsButtonsDecode() {
		int buttons = 0;
		for (Language language : knowledge.languages()) {
			List<Citizenship> citizenships = new ArrayList<>(List.of(Citizenship.values()));
			citizenships.add(null);
			for (Citizenship citizenship : citizenships) {
				ReportScreens screens = new ReportScreens(knowledge, Audience.of(language.code(), citizenship));
				for (Screen screen : personScreens(screens)) {
					assertThat(screen.html()).isNotBlank().doesNotContain("{").doesNotContain("**");
					buttons += checkButtons(screen.keyboard());
				}
				assertThat(screens.staffAnswerHeading("Dilnoza")).contains("Dilnoza");
			}
		}
		assertThat(buttons).as("buttons checked").isGreaterThan(600);
	}

	@Test
	void everyStaffScreenRendersInEveryLanguage() {
		Instant now = Instant.parse("2026-12-02T10:00:00Z");
		Case shown = new Case(42, 7, CaseStatus.OPEN, null, true, "detention", "ky", Citizenship.KG,
				new Case.Intake("Москва", "Сегодня", "+79001234567", new Case.Location(55.75, 37.61)),
				new Case.StaffSide(null, false, true, null, Desk.MAIN), null,
				new Case.Timeline(now.minusSeconds(600), now.minusSeconds(300), null, null, null, 0, null, null));
		List<CaseMessage> messages = List.of(new CaseMessage(1, 42, CaseMessage.Direction.IN, "TEXT",
				"<b>markup</b> stays text", null, 7L, 3L, false));
		for (Language language : knowledge.languages()) {
			StaffScreens screens = new StaffScreens(knowledge, language.code());
			Screen card = screens.card(shown, messages, now);
			assertThat(card.html()).contains("#42")
				.contains("&lt;b&gt;markup&lt;/b&gt; stays text")
				.doesNotContain("{");
			checkButtons(card.keyboard());
			assertThat(screens.openCases(List.of(shown), now)).contains("#42");
			assertThat(screens.digest(List.of(shown))).contains("#42 🆘");
			assertThat(screens.forumTopicName(shown)).startsWith("#42").hasSizeLessThanOrEqualTo(120);
			assertThat(screens.age(Duration.ofDays(3))).contains("3");
			for (CaseAction.Happened when : CaseAction.Happened.values()) {
				assertThat(screens.happened(when)).isNotBlank();
			}
		}
	}

	/**
	 * D9 and the long-story finding of the reliability review: a caption is cut in its
	 * text, never inside an entity, and what did not fit follows; a long story reaches
	 * staff whole.
	 */
	@Test
	void whatThePersonWroteReachesStaffWholeHoweverLong() {
		StaffScreens screens = new StaffScreens(knowledge, "ru");
		String caption = "x".repeat(900) + " " + "&".repeat(200);
		String shown = screens.mediaCaption(42, caption);
		assertThat(Html.toPlainText(shown).length()).isLessThanOrEqualTo(1000);
		assertThat(shown.replaceAll("&amp;", "")).doesNotContain("&");
		String rest = screens.captionRest(42, caption).orElseThrow();
		assertThat(rest).contains("#42");
		int ampersands = (int) (Html.toPlainText(shown) + Html.toPlainText(rest)).chars().filter(c -> c == '&').count();
		assertThat(ampersands).isEqualTo(200);
		assertThat(screens.captionRest(42, "a short caption")).isEmpty();

		String story = "Меня держат на складе. ".repeat(180);
		assertThat(story.length()).isGreaterThan(4000);
		assertThat(Html.toPlainText(screens.fromPerson(42, story))).contains(story.strip());
	}

	private static List<Screen> personScreens(ReportScreens screens) {
		List<Screen> all = new ArrayList<>();
		all.add(screens.whatToDoNow(Optional.empty()));
		for (Topic topic : knowledge.topics()) {
			all.add(screens.whatToDoNow(Optional.of(topic)));
		}
		all.add(screens.consentQuestion(123_456_789L));
		all.add(screens.consentGiven());
		all.add(screens.declined());
		all.add(screens.intakeStarted());
		for (IntakeStep step : IntakeStep.values()) {
			all.add(screens.question(step, 123_456_789L));
		}
		all.add(screens.received(7, false, Optional.empty()));
		all.add(screens.received(7, false, Optional.of(Duration.ofHours(3))));
		all.add(screens.received(7, true, Optional.of(Duration.ofHours(3))));
		all.add(screens.intakeOver(7));
		all.add(screens.intakeStopped(7));
		all.add(screens.added(7));
		all.add(screens.alreadyOpen(7));
		all.add(screens.stillOpen(7));
		all.add(screens.closed(7));
		all.add(screens.rating(123_456_789L));
		all.add(screens.ratingThanks());
		all.add(screens.reopened(7));
		all.add(screens.oldButton());
		return all;
	}

	private static int checkButtons(Keyboard keyboard) {
		if (!(keyboard instanceof Keyboard.Inline inline)) {
			return 0;
		}
		int count = 0;
		for (List<Keyboard.Button> row : inline.rows()) {
			for (Keyboard.Button button : row) {
				assertThat(button.data().getBytes(StandardCharsets.UTF_8).length).isBetween(1, 64);
				assertThat(CaseAction.decode(button.data())).as(button.data()).isPresent();
				assertThat(button.label()).isNotBlank();
				count++;
			}
		}
		return count;
	}

}
