package org.haqqim.conversation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.haqqim.announcements.TopicAlerts;
import org.haqqim.dates.MyDates;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Category;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.Contacts;
import org.haqqim.knowledge.Country;
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
 * Every screen the conversation can build, for every language, citizenship, topic,
 * category, office and city of the real knowledge base: each renders (so every text it
 * uses exists), and every button it carries fits Telegram's 64 bytes of callback data and
 * decodes back to an action.
 */
class EveryScreenTests {

	private static KnowledgeBase knowledge;

	@BeforeAll
	static void load() {
		knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge")).knowledge().orElseThrow();
	}

	@Test
	void everyScreenRendersAndEveryButtonFitsTelegram() {
		int buttons = 0;
		for (Language language : knowledge.languages()) {
			for (Citizenship citizenship : citizenshipsAndUnknown()) {
				Screens screens = new Screens(knowledge, Audience.of(language.code(), citizenship));
				for (Screen screen : allScreens(screens)) {
					assertThat(screen.html()).isNotBlank().doesNotContain("{").doesNotContain("**");
					assertThat(Html.toPlainText(screen.html()).length()).isLessThanOrEqualTo(20_000);
					buttons += checkButtons(screen.keyboard());
				}
			}
		}
		assertThat(buttons).isGreaterThan(10_000);
	}

	/**
	 * P6: in every language, /privacy names how long a case and a question without an
	 * answer are kept, and how to erase everything.
	 */
	@Test
	void privacySaysHowLongWhatIsKeptAndHowToEraseIt() {
		for (Language language : knowledge.languages()) {
			String privacy = Html
				.toPlainText(new Screens(knowledge, Audience.of(language.code(), null)).privacy(91, 61).html());
			assertThat(privacy).as(language.code()).contains("91", "61", "/forget");
		}
	}

	@Test
	void topicAnswersFitOnePhoneScreenInEveryLanguageAndCitizenship() {
		for (Language language : knowledge.languages()) {
			for (Citizenship citizenship : citizenshipsAndUnknown()) {
				Screens screens = new Screens(knowledge, Audience.of(language.code(), citizenship));
				for (Topic topic : knowledge.topics()) {
					String shown = Html.toPlainText(screens.answer(topic, true).html());
					assertThat(shown.length()).as("%s in %s for %s", topic.id(), language.code(), citizenship)
						.isLessThanOrEqualTo(1500);
				}
			}
		}
	}

	private static List<Screen> allScreens(Screens screens) {
		List<Screen> all = new ArrayList<>();
		all.add(screens.languageChoice("uz"));
		all.add(screens.citizenshipChoice());
		all.add(screens.settingsOffer());
		for (Language language : knowledge.languages()) {
			all.add(screens.languageSaved(language));
		}
		for (Citizenship citizenship : Citizenship.values()) {
			all.add(screens.citizenshipSaved(citizenship));
		}
		all.add(screens.welcome());
		all.add(screens.help());
		all.add(screens.mainMenu());
		for (Category category : knowledge.categories()) {
			all.add(screens.category(category));
		}
		for (Topic topic : knowledge.topics()) {
			all.add(screens.answer(topic, true));
			all.add(screens.answer(topic, false));
			all.add(screens.related(topic));
			if (topic.text(knowledge.defaultLanguage()).hasDetails()) {
				all.add(screens.details(topic));
			}
		}
		all.add(screens.didYouMean(knowledge.topics().subList(0, 3)));
		all.add(screens.noMatch());
		all.add(screens.forStaff());
		all.add(screens.feedbackThanks());
		all.add(screens.countryChoice());
		all.add(screens.locationPrompt());
		for (Country country : Country.ofMigrants()) {
			all.add(screens.offices(country));
			for (Contacts.City city : knowledge.contacts().cities().values()) {
				all.add(screens.officesIn(country, city.id()));
			}
		}
		all.add(screens.officesNear(55.75, 37.62));
		all.add(screens.officesNear(43.1, 131.9));
		all.add(screens.privacy(90, 60));
		all.add(screens.forgetConfirmation());
		all.add(screens.forgotten());
		all.add(screens.notForgotten());
		for (String key : List.of("input.voice", "input.photo", "input.document")) {
			all.add(screens.mediaOutsideAReport(key));
		}
		all.add(screens.onlyText("input.sticker"));
		all.add(screens.onlyText("input.unsupported"));
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
				assertThat(Action.decode(button.data()).isPresent() || MyDates.isButton(button.data())
						|| TopicAlerts.isButton(button.data()))
					.as(button.data())
					.isTrue();
				assertThat(button.label()).isNotBlank();
				count++;
			}
		}
		return count;
	}

	private static List<Citizenship> citizenshipsAndUnknown() {
		List<Citizenship> all = new ArrayList<>(List.of(Citizenship.values()));
		all.add(null);
		return all;
	}

}
