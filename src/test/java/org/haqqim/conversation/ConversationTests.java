package org.haqqim.conversation;

import java.util.List;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.Map;

import org.haqqim.EndToEndTest;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a migrant sees, through the fake Bot API, as a person would use it: typed commands
 * and questions, buttons pressed as callback queries, in Uzbek (Latin and Cyrillic),
 * Russian and Kyrgyz.
 */
class ConversationTests extends EndToEndTest {

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	CurrentKnowledge knowledge;

	@Autowired
	JdbcClient jdbc;

	@ParameterizedTest(name = "onboarding in {0} ({1})")
	@CsvSource({ "uz, uz, UZ", "uz-Cyrl, uz, UZ", "ru, ru, TJ", "ky, ky, KG" })
	void onboardingAsksLanguageThenCitizenshipThenWelcomes(String language, String appLanguage, String citizenship) {
		long user = newUser();
		telegram.userSays(user, "/start", appLanguage);
		FakeBotApi.Call languages = telegram.awaitScreen(user, 0, WAIT);
		assertThat(languages.buttons().get(0).data()).as("the app's language comes first")
			.isEqualTo("l:" + (appLanguage.equals("uz") ? "uz" : appLanguage));
		telegram.userPresses(user, languages.targetMessageId(), languages.buttonData("l:" + language + ""),
				appLanguage);
		FakeBotApi.Call citizenships = telegram.awaitScreen(user, 1, WAIT);
		assertThat(citizenships.method()).isEqualTo("editmessagetext");
		assertThat(citizenships.targetMessageId()).isEqualTo(languages.targetMessageId());
		assertThat(citizenships.text()).isEqualTo(text("start.choose-citizenship", language, null));
		telegram.userPresses(user, citizenships.targetMessageId(), "c:" + citizenship, appLanguage);
		FakeBotApi.Call welcome = telegram.awaitScreen(user, 3, WAIT);
		assertThat(welcome.text()).isEqualTo(text("welcome", language, Citizenship.valueOf(citizenship)));
		assertThat(welcome.buttons()).extracting(FakeBotApi.Button::data).contains("k:police", "o", "w");
		assertThat(this.jdbc.sql("SELECT language || '/' || citizenship FROM chat_user WHERE chat_id = ?")
			.param(user)
			.query(String.class)
			.single()).isEqualTo(language + "/" + citizenship);
	}

	@Test
	void theMenuLeadsToAnAnswerByEditingOneMessage() {
		long user = onboarded("ru", "UZ");
		FakeBotApi.Call welcome = last(user);
		telegram.userPresses(user, welcome.targetMessageId(), "k:police", "ru");
		FakeBotApi.Call category = telegram.awaitScreen(user, count(user), WAIT);
		assertThat(category.method()).isEqualTo("editmessagetext");
		assertThat(category.targetMessageId()).isEqualTo(welcome.targetMessageId());
		int before = count(user);
		telegram.userPresses(user, welcome.targetMessageId(), category.buttonData("t:detention"), "ru");
		FakeBotApi.Call answer = telegram.awaitScreen(user, before, WAIT);
		assertThat(answer.method()).isEqualTo("editmessagetext");
		assertThat(answer.targetMessageId()).isEqualTo(welcome.targetMessageId());
		assertThat(answer.text()).contains(base().topic("detention").orElseThrow().text("ru").title());
		assertThat(answer.buttons()).extracting(FakeBotApi.Button::data)
			.contains("d:detention", "o", "w:detention", "f:detention:1", "f:detention:0", "k:police", "m");
	}

	@Test
	void aTypedQuestionIsAnsweredWithFactsForTheCitizenship() {
		long uzbek = onboarded("uz", "UZ");
		telegram.userSays(uzbek, "patent qancha turadi", "uz");
		FakeBotApi.Call answer = telegram.awaitScreen(uzbek, count(uzbek), WAIT);
		assertThat(answer.text()).contains(base().topic("patent").orElseThrow().text("uz").title());
		long kyrgyz = onboarded("ky", "KG");
		telegram.userSays(kyrgyz, "каттоодон кантип өтөм", "ky");
		FakeBotApi.Call registration = telegram.awaitScreen(kyrgyz, count(kyrgyz), WAIT);
		assertThat(registration.text()).contains(base().topic("registration").orElseThrow().text("ky").title())
			.contains("30");
	}

	@Test
	void aQuestionWithoutChosenSettingsIsAnsweredInItsLanguageAndSettingsAreOfferedOnce() {
		long user = newUser();
		telegram.userSays(user, "oylik bermayapti", "ru");
		FakeBotApi.Call answer = telegram.awaitScreen(user, 0, WAIT);
		assertThat(answer.text()).contains(base().topic("unpaid-wages").orElseThrow().text("uz").title());
		FakeBotApi.Call offer = telegram.awaitScreen(user, 1, WAIT);
		assertThat(offer.text()).isEqualTo(text("settings.offer", "uz", null));
		telegram.userSays(user, "patent narxi qancha", "ru");
		telegram.awaitScreen(user, 2, WAIT);
		awaitQuiet();
		assertThat(telegram.screensOf(user)).hasSize(3);
	}

	/**
	 * Issue 17: an answer can be sent to a friend, as the flyer link that opens it in the
	 * same language, through Telegram's share page.
	 */
	@Test
	void anAnswerCanBeSentToAFriendAsTheLinkThatOpensIt() {
		long user = onboarded("ru", "UZ");
		telegram.userSays(user, "как получить патент в москве", "ru");
		FakeBotApi.Call answer = telegram.awaitScreen(user, count(user), WAIT);
		List<String> links = new ArrayList<>();
		answer.body()
			.path("reply_markup")
			.path("inline_keyboard")
			.forEach(row -> row.forEach(button -> links.add(button.path("url").asText(""))));
		String flyer = URLEncoder.encode("https://t.me/haqqim_test_bot?start=patent-ru", StandardCharsets.UTF_8);
		assertThat(links).as("a share button on the answer")
			.anyMatch(link -> link.startsWith("https://t.me/share/url?url=" + flyer + "&text="));
	}

	@Test
	void anAmbiguousQuestionOffersTopicsAndAWayToStaff() {
		long user = newUser();
		telegram.userSays(user, "patent", "en");
		FakeBotApi.Call didYouMean = telegram.awaitScreen(user, 0, WAIT);
		assertThat(didYouMean.text()).isEqualTo(text("match.did-you-mean", "en", null));
		assertThat(didYouMean.buttons()).extracting(FakeBotApi.Button::data)
			.contains("t:patent", "t:eaeu-workers", "w", "m");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM unanswered_question WHERE text = 'patent'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void somethingTheBotDoesNotKnowGetsAnHonestNoAndTheMenu() {
		long user = newUser();
		telegram.userSays(user, "кто выиграл футбольный матч вчера", "ru");
		FakeBotApi.Call none = telegram.awaitScreen(user, 0, WAIT);
		assertThat(none.text()).isEqualTo(text("match.none", "ru", null));
		assertThat(none.buttons()).extracting(FakeBotApi.Button::data).contains("k:police", "w");
	}

	@Test
	void aDeathIsNotGuessedAtButStaffAreOfferedFirst() {
		long user = newUser();
		telegram.userSays(user, "my uncle died in hospital, how do we send his body home to Osh", "en");
		FakeBotApi.Call staff = telegram.awaitScreen(user, 0, WAIT);
		assertThat(staff.text()).isEqualTo(text("match.staff-only", "en", null));
		assertThat(staff.buttons()).extracting(FakeBotApi.Button::data).containsExactly("w", "m");
	}

	@Test
	void aGreetingGetsHelloAndTheMenuAndThanksGetYouAreWelcomeInTheLanguageWritten() {
		long user = onboarded("uz", "UZ");
		telegram.userSays(user, "Assalomu alaykum aka", "ru");
		FakeBotApi.Call hello = telegram.awaitScreen(user, count(user), WAIT);
		assertThat(hello.text()).isEqualTo(text("match.greeting", "uz", Citizenship.UZ));
		assertThat(hello.buttons()).extracting(FakeBotApi.Button::data).contains("k:police", "w");

		long other = newUser();
		telegram.userSays(other, "спасибо большое", "ru");
		FakeBotApi.Call welcome = telegram.awaitScreen(other, 0, WAIT);
		assertThat(welcome.text()).isEqualTo(text("match.thanks", "ru", null));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM unanswered_question WHERE text LIKE '%спасибо%'")
			.query(Long.class)
			.single()).as("thanks is not a question the bot failed to answer").isZero();
	}

	@Test
	void aSharedLocationShowsTheNearestOfficesOfTheCountryFirst() {
		long user = onboarded("ky", "KG");
		telegram.userSharesLocation(user, 55.75, 37.62);
		FakeBotApi.Call nearest = telegram.awaitScreen(user, count(user), WAIT);
		String embassy = base().contacts().office("kg-embassy-moscow").orElseThrow().name("ky");
		assertThat(nearest.text()).startsWith("<b>" + text("contacts.nearest", "ky", Citizenship.KG) + "</b>")
			.contains(embassy)
			.contains("км")
			.contains("112");
	}

	@Test
	void contactsOfTheCountryCanBeNarrowedToACity() {
		long user = onboarded("ru", "UZ");
		telegram.userSays(user, "/contacts", "ru");
		FakeBotApi.Call offices = telegram.awaitScreen(user, count(user), WAIT);
		assertThat(offices.text()).contains(base().contacts().office("uz-embassy-moscow").orElseThrow().name("ru"));
		int before = count(user) + 1;
		telegram.userPresses(user, offices.targetMessageId(), offices.buttonData("oi:UZ:st-petersburg"), "ru");
		FakeBotApi.Call city = telegram.awaitScreen(user, before, WAIT);
		assertThat(city.text()).contains("4-я Красноармейская")
			.as("an office nobody has called is not shown as checked, and the embassy's number in its place is"
					+ " not either")
			.contains(text("contacts.unconfirmed", "ru", Citizenship.UZ))
			.contains("Номер посольства, ещё не подтверждён")
			.doesNotContain("Проверено");
	}

	@Test
	void forgetErasesThePersonAfterConfirmation() {
		long user = onboarded("uz-Cyrl", "UZ");
		telegram.userSays(user, "/forget", "uz");
		FakeBotApi.Call confirm = telegram.awaitScreen(user, count(user), WAIT);
		assertThat(confirm.text()).isEqualTo(text("forget.confirm", "uz-Cyrl", Citizenship.UZ));
		int before = count(user);
		telegram.userPresses(user, confirm.targetMessageId(), "x:1", "uz");
		FakeBotApi.Call done = telegram.awaitScreen(user, before, WAIT);
		assertThat(done.text()).isEqualTo(text("forget.done", "uz-Cyrl", Citizenship.UZ));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM chat_user WHERE chat_id = ?")
			.param(user)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void mediaStickersAndOldButtonsGetAHelpfulReply() {
		long user = onboarded("ru", "TJ");
		int before = count(user);
		telegram.userSendsMedia(user, "voice", null);
		FakeBotApi.Call voice = telegram.awaitScreen(user, before, WAIT);
		assertThat(voice.text()).isEqualTo(text("input.voice", "ru", Citizenship.TJ));
		assertThat(voice.buttons()).extracting(FakeBotApi.Button::data).contains("w");
		telegram.userSendsMedia(user, "sticker", null);
		assertThat(telegram.awaitScreen(user, before + 1, WAIT).text())
			.isEqualTo(text("input.sticker", "ru", Citizenship.TJ));
		telegram.userPresses(user, 1, "t:a-topic-that-was-removed", "ru");
		assertThat(telegram.awaitScreen(user, before + 2, WAIT).text())
			.isEqualTo(text("error.old-button", "ru", Citizenship.TJ));
		telegram.userPresses(user, 1, "forged data \u0000 nonsense", "ru");
		assertThat(telegram.awaitScreen(user, before + 3, WAIT).text())
			.isEqualTo(text("error.old-button", "ru", Citizenship.TJ));
	}

	@Test
	void everyButtonPressIsAnsweredSoTheSpinnerStops() {
		long user = newUser();
		telegram.userSays(user, "/start", "en");
		FakeBotApi.Call languages = telegram.awaitScreen(user, 0, WAIT);
		long chosen = telegram.userPresses(user, languages.targetMessageId(), "l:en", "en");
		long forged = telegram.userPresses(user, languages.targetMessageId(), "forged data", "en");
		long ofACase = telegram.userPresses(user, languages.targetMessageId(), "rp:y:999999", "en");
		awaitQuiet();
		assertThat(telegram.calls("answercallbackquery"))
			.extracting(call -> call.body().path("callback_query_id").asText())
			.contains("cb-" + chosen, "cb-" + forged, "cb-" + ofACase);
	}

	@Test
	void commandsAreOfferedInEveryLanguage() {
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(telegram.calls("setmycommands"))
				.extracting(call -> call.body().path("language_code").asText(""))
				.contains("", "uz", "ru", "ky", "tg", "en"));
		FakeBotApi.Call russian = telegram.calls("setmycommands")
			.stream()
			.filter(call -> "ru".equals(call.body().path("language_code").asText(null)))
			.findFirst()
			.orElseThrow();
		assertThat(russian.body().path("commands").findValuesAsText("command")).containsExactly("start", "menu",
				"contacts", "report", "dates", "language", "privacy", "forget", "help");
	}

	private static FakeBotApi.Call last(long user) {
		return telegram.screensOf(user).get(telegram.screensOf(user).size() - 1);
	}

	private static int count(long user) {
		return telegram.screensOf(user).size();
	}

	private KnowledgeBase base() {
		return this.knowledge.current();
	}

	private String text(String key, String language, Citizenship citizenship) {
		return base().text(key, Audience.of(language, citizenship), Map.of());
	}

}
