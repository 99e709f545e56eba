package org.haqqim.conversation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.haqqim.database.TestDatabases;
import org.haqqim.announcements.AlertsWiring;
import org.haqqim.dates.DatesWiring;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.CurrentKnowledge;
import org.haqqim.knowledge.KnowledgeLoader;
import org.haqqim.matching.MatchingProperties;
import org.haqqim.matching.QuestionMatcher;
import org.haqqim.matching.UnansweredQuestions;
import org.haqqim.reports.ReportsWiring;
import org.haqqim.system.BotIdentity;
import org.haqqim.system.MovableClock;
import org.haqqim.system.PersonForgotten;
import org.haqqim.transport.ChatType;
import org.haqqim.transport.Deliveries;
import org.haqqim.transport.InboundEvent;
import org.haqqim.transport.Origin;
import org.haqqim.transport.OutboundMessage;
import org.haqqim.transport.Replies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the bot answers, event by event, as the inbox processor would hand events to the
 * dispatcher: the real conversation, matcher and reports on a test database, with
 * {@link Deliveries} in place of Telegram. No HTTP, no threads.
 */
class DispatcherTests {

	private static final long STAFF = ReportsWiring.STAFF_CHAT_ID;

	private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

	private static final AtomicLong people = new AtomicLong(60_000_000L);

	private static final AtomicLong updates = new AtomicLong(1);

	private static CurrentKnowledge knowledge;

	private static QuestionMatcher matcher;

	private static MatchingProperties matchingProperties;

	@TempDir
	Path directory;

	private DataSource database;

	private final List<Object> published = new ArrayList<>();

	private JdbcClient jdbc;

	private Dispatcher dispatcher;

	private Deliveries deliveries;

	@BeforeAll
	static void loadKnowledgeAndMatcher() {
		knowledge = new CurrentKnowledge(
				new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge")).knowledge().orElseThrow());
		matchingProperties = new Binder().bindOrCreate("haqqim.matching", MatchingProperties.class);
		matcher = new QuestionMatcher(knowledge, matchingProperties, new SimpleMeterRegistry());
	}

	@BeforeEach
	void wire() {
		this.database = TestDatabases.sqlite(this.directory);
		this.jdbc = JdbcClient.create(this.database);
		Clock clock = new MovableClock(NOW);
		ReportsWiring reports = ReportsWiring.of(this.jdbc, knowledge, Map.of(), clock);
		ChatUsers users = new ChatUsers(this.jdbc, clock, new ConversationProperties(1000));
		Conversation conversation = new Conversation(knowledge, users, matcher,
				new UnansweredQuestions(this.jdbc, clock), new TopicFeedback(this.jdbc), reports.reports(),
				DatesWiring.myDates(this.jdbc, knowledge, clock), AlertsWiring.topicAlerts(this.jdbc, knowledge, clock),
				this.published::add, matchingProperties, new BotIdentity());
		this.dispatcher = new Dispatcher(conversation, reports.staffDesk(), reports.reports(), reports.flood(),
				reports.desks(), knowledge, users);
		this.deliveries = reports.deliveries();
	}

	@AfterEach
	void closeDatabase() {
		TestDatabases.close(this.database);
	}

	@Test
	void startOffersTheLanguagesTheAppLanguageFirst() {
		long person = people.incrementAndGet();
		Deliveries.Sent choice = only(says(person, "/start", "ky"));
		assertThat(choice.html()).isEqualTo(text("start.choose-language", "ky", null));
		assertThat(choice.buttons()).first().isEqualTo("l:ky");
		assertThat(choice.buttons()).hasSize(knowledge.current().languages().size());
	}

	@Test
	void choosingLanguageThenCitizenshipEditsTheMessageAndWelcomes() {
		long person = people.incrementAndGet();
		Deliveries.Sent languages = only(says(person, "/start", "ru"));
		List<Deliveries.Sent> chosen = presses(person, languages, "l:uz");
		assertThat(chosen.get(0).message()).isInstanceOf(OutboundMessage.CallbackAnswer.class);
		assertThat(chosen.get(1).message()).isInstanceOf(OutboundMessage.Edit.class);
		assertThat(chosen.get(1).html()).isEqualTo(text("start.choose-citizenship", "uz", null));
		List<Deliveries.Sent> citizenship = presses(person, languages, "c:UZ");
		assertThat(citizenship.get(2).html()).isEqualTo(text("welcome", "uz", Citizenship.UZ));
		assertThat(this.jdbc.sql("SELECT language || '/' || citizenship FROM chat_user WHERE chat_id = ?")
			.param(person)
			.query(String.class)
			.single()).isEqualTo("uz/UZ");
	}

	@Test
	void aQuestionIsAnsweredInItsLanguageAndTheSettingsAreOfferedOnce() {
		long person = people.incrementAndGet();
		List<Deliveries.Sent> first = says(person, "oylik bermayapti", "ru");
		assertThat(first.get(0).html())
			.contains(knowledge.current().topic("unpaid-wages").orElseThrow().text("uz").title());
		assertThat(first.get(1).html()).isEqualTo(text("settings.offer", "uz", null));
		assertThat(says(person, "patent narxi qancha", "ru")).hasSize(1);
	}

	@Test
	void whatTheBotDoesNotKnowGetsAnHonestNoAndIsKeptForMaintainers() {
		long person = people.incrementAndGet();
		Deliveries.Sent none = says(person, "кто выиграл футбольный матч вчера", "ru").get(0);
		assertThat(none.html()).isEqualTo(text("match.none", "ru", null));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM unanswered_question").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anUrgentMessageIsOfferedToStaffAndReachesThemOnlyAfterYes() {
		long person = people.incrementAndGet();
		List<Deliveries.Sent> offer = says(person, "меня задержали в метро сейчас", "ru");
		assertThat(offer).extracting(Deliveries.Sent::html).last().isEqualTo(text("report.consent", "ru", null));
		assertThat(this.deliveries.to(STAFF)).isEmpty();
	}

	@Test
	void aStaffCommandInAPrivateChatIsRefusedAndReachesNoCase() {
		long person = people.incrementAndGet();
		assertThat(only(says(person, "/close@haqqim_bot 1", "ru")).html()).isEqualTo(text("staff.refused", "ru", null));
	}

	@Test
	void pastTheFloodLimitAPersonIsWarnedOnceAndThenNotAnswered() {
		long person = people.incrementAndGet();
		for (int i = 0; i < 20; i++) {
			says(person, "/help", "ru");
		}
		assertThat(only(says(person, "/help", "ru")).html()).isEqualTo(text("rate-limit.warning", "ru", null));
		assertThat(says(person, "/help", "ru")).isEmpty();
	}

	@Test
	void theFloodLimitCountsWhenAMessageWasSentNotWhenItIsHandled() {
		long person = people.incrementAndGet();
		Instant downtime = Instant.parse("2026-12-03T08:00:00Z");
		for (int i = 0; i < 25; i++) {
			List<Deliveries.Sent> answer = saysAt(person, "/help", downtime.plusSeconds(4L * i));
			assertThat(answer).as("question %d of 25 sent at 15 a minute", i + 1)
				.singleElement()
				.satisfies(sent -> assertThat(sent.html()).isNotEqualTo(text("rate-limit.warning", "ru", null)));
		}
		Instant burst = downtime.plus(Duration.ofMinutes(10));
		for (int i = 0; i < 20; i++) {
			saysAt(person, "/help", burst.plusMillis(100L * i));
		}
		assertThat(only(saysAt(person, "/help", burst.plusSeconds(3))).html())
			.isEqualTo(text("rate-limit.warning", "ru", null));
	}

	/**
	 * Issue 15: the flood warning is in the language the person chose, not their app's.
	 */
	@Test
	void theFloodWarningIsInThePersonsChosenLanguage() {
		long person = people.incrementAndGet();
		presses(person, only(says(person, "/start", "ru")), "l:uz");
		for (int i = 0; i < 18; i++) {
			says(person, "/help", "ru");
		}
		assertThat(only(says(person, "/help", "ru")).html()).isEqualTo(text("rate-limit.warning", "uz", null));
	}

	/**
	 * The user review: after /forget, a Cyrillic "салом" from an Uzbek switched
	 * everything to Tajik with no way back on the screen. A greeting from someone who has
	 * not chosen a language now comes with the choice.
	 */
	@Test
	void aGreetingFromSomeoneWithoutALanguageOffersTheChoice() {
		long person = people.incrementAndGet();
		List<Deliveries.Sent> replies = says(person, "салом", "ru");
		assertThat(replies).hasSize(2);
		assertThat(replies.get(1).buttons()).contains("l:uz", "l:uz-Cyrl", "l:tg", "l:ru");
	}

	/**
	 * Issue 17: a flyer's link, {@code t.me/BOT?start=TOPIC-LANG}, opens its answer at
	 * once, in the link's language for someone new, who is then asked the citizenship in
	 * one tap.
	 */
	@Test
	void aFlyerLinkOpensItsAnswerForSomeoneNewInTheLinksLanguage() {
		long person = people.incrementAndGet();
		List<Deliveries.Sent> replies = says(person, "/start patent-uz", "ru");
		String title = knowledge.current().topic("patent").orElseThrow().findText("uz").orElseThrow().title();
		assertThat(replies).hasSize(2);
		assertThat(replies.get(0).html()).contains(title);
		assertThat(replies.get(1).buttons()).contains("c:UZ", "c:KG");
		assertThat(this.jdbc.sql("SELECT language FROM chat_user WHERE chat_id = ?")
			.param(person)
			.query(String.class)
			.single()).isEqualTo("uz");
	}

	@Test
	void aFlyerLinkKeepsTheLanguageSomeoneChoseAndANonsenseLinkIsAPlainStart() {
		long person = people.incrementAndGet();
		presses(person, only(says(person, "/start", "ru")), "l:ky");
		String title = knowledge.current().topic("registration").orElseThrow().findText("ky").orElseThrow().title();
		assertThat(says(person, "/start registration-uz", "ru").get(0).html()).contains(title);
		assertThat(only(says(person, "/start no-such-topic", "ru")).buttons()).contains("l:ky", "l:uz");
	}

	/**
	 * Knowledge review, defect 6: an Uzbek reading the EAEU topic read "the first 15 days
	 * you need not register" in a sentence about Kyrgyz and Kazakh workers, and the note
	 * that the topic was not for them only after it. Now the note comes first, with the
	 * topic for them, and the text keeps the values of those it is written for.
	 */
	@Test
	void someoneReadingATopicForOtherCitizensIsToldFirstAndNeverGivenTheirOwnValueInIt() {
		long person = people.incrementAndGet();
		Deliveries.Sent citizenship = presses(person, only(says(person, "/start", "ru")), "l:ru").stream()
			.filter(sent -> sent.buttons().contains("c:UZ"))
			.findFirst()
			.orElseThrow();
		presses(person, citizenship, "c:UZ");
		Deliveries.Sent answer = says(person, "/start eaeu-workers", "ru").get(0);
		assertThat(answer.html().indexOf("эта тема – для граждан")).as("the note comes before the answer")
			.isPositive()
			.isLessThan(answer.html().indexOf("патент и разрешение на работу не нужны"));
		assertThat(answer.html()).contains("Первые 30 дней после въезда").doesNotContain("Первые 15 дней");
		assertThat(answer.buttons()).first().as("the topic written for an Uzbek comes first").isEqualTo("t:patent");
		long unknown = people.incrementAndGet();
		Deliveries.Sent forEveryone = says(unknown, "/start eaeu-workers-ru", "ru").get(0);
		assertThat(forEveryone.html()).as("without a citizenship, only the values of the topic's own citizenships")
			.contains("Первые 30 дней после въезда")
			.doesNotContain("Первые 15 дней");
	}

	@Test
	void aBannedPersonIsNotAnswered() {
		long person = people.incrementAndGet();
		ban(person);
		assertThat(says(person, "/start", "ru")).isEmpty();
		assertThat(says(person, "где купить патент", "ru")).isEmpty();
	}

	/**
	 * Issue 15: a ban never blocks safety. The emergency answer still comes; no case is
	 * opened and staff see nothing.
	 */
	@Test
	void aBannedPersonInDangerStillGetsWhatToDoNowAndStaffSeeNothing() {
		long person = people.incrementAndGet();
		ban(person);
		Deliveries.Sent advice = only(says(person, "меня задержали в метро сейчас", "ru"));
		assertThat(advice.html()).contains("112").doesNotContain(text("report.consent", "ru", null));
		assertThat(advice.buttons()).isEmpty();
		assertThat(this.deliveries.to(STAFF)).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM report_case WHERE chat_id = ?")
			.param(person)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theBotLeavesAnyOtherGroupButNotOneItWasRemovedFrom() {
		long group = -100_777_888L;
		Origin origin = new Origin(updates.incrementAndGet(), group, ChatType.SUPERGROUP, 42, null, false, false, 1,
				null, null, false, "Someone");
		assertThat(deliver(this.dispatcher.handle(new InboundEvent.Text(origin, "/cases"))))
			.extracting(Deliveries.Sent::message)
			.containsExactly(new OutboundMessage.Leave(group));
		assertThat(deliver(this.dispatcher.handle(new InboundEvent.Membership(origin, false)))).isEmpty();
	}

	@Test
	void aBannedPersonCanStillBeForgotten() {
		long person = people.incrementAndGet();
		ban(person);
		Deliveries.Sent confirm = only(says(person, "/forget", "ru"));
		assertThat(deliver(press(person, confirm, "x:1"))).extracting(Deliveries.Sent::html)
			.last()
			.isEqualTo(text("forget.done", "ru", null));
		assertThat(says(person, "/start", "ru")).as("the ban itself stays").isEmpty();
	}

	@Test
	void forgettingErasesThePersonAndDropsWhatWasStillQueuedForThem() {
		long person = people.incrementAndGet();
		long another = people.incrementAndGet();
		Deliveries.Sent languages = only(says(person, "/start", "ru"));
		presses(person, languages, "l:ru");
		says(person, "меня зовут Зарина, как телепортировать хомяка", "ru");
		says(another, "как телепортировать хомяка", "ru");
		Deliveries.Sent confirm = only(says(person, "/forget", "ru"));
		Replies forgotten = press(person, confirm, "x:1");
		assertThat(forgotten.forgottenChats()).containsExactly(person);
		assertThat(deliver(forgotten)).extracting(Deliveries.Sent::html)
			.last()
			.isEqualTo(text("forget.done", "ru", null));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM chat_user WHERE chat_id = ?")
			.param(person)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT text FROM unanswered_question").query(String.class).list())
			.containsExactly("как телепортировать хомяка");
		assertThat(this.published).containsExactly(new PersonForgotten());
	}

	@Test
	void afterAnUpdateFailedForGoodThePersonGetsAnApology() {
		long person = people.incrementAndGet();
		Origin origin = Origin.privateMessage(updates.incrementAndGet(), person, 1, "ru");
		assertThat(deliver(this.dispatcher.onFailure(new InboundEvent.Text(origin, "anything")))).singleElement()
			.satisfies(apology -> assertThat(apology.html()).isEqualTo(text("error.generic", "ru", null)));
	}

	@Test
	void messagesFromOtherBotsAreIgnored() {
		Origin bot = new Origin(updates.incrementAndGet(), people.incrementAndGet(), ChatType.PRIVATE, 1, "ru", true,
				false, 1, null, null, false, null);
		assertThat(this.dispatcher.handle(new InboundEvent.Text(bot, "/start")).isEmpty()).isTrue();
	}

	// --- steps

	private List<Deliveries.Sent> says(long person, String text, String appLanguage) {
		Origin origin = Origin.privateMessage(updates.incrementAndGet(), person, (int) updates.get(), appLanguage);
		return deliver(this.dispatcher.handle(new InboundEvent.Text(origin, text)));
	}

	private void ban(long person) {
		this.jdbc.sql("INSERT INTO banned_user (chat_id, banned_at) VALUES (?, ?)")
			.params(person, NOW.toEpochMilli())
			.update();
	}

	private List<Deliveries.Sent> saysAt(long person, String text, Instant sentAt) {
		Origin origin = new Origin(updates.incrementAndGet(), person, ChatType.PRIVATE, person, "ru", false, false,
				(int) updates.get(), null, null, false, null, sentAt);
		return deliver(this.dispatcher.handle(new InboundEvent.Text(origin, text)));
	}

	private List<Deliveries.Sent> presses(long person, Deliveries.Sent on, String data) {
		return deliver(press(person, on, data));
	}

	private Replies press(long person, Deliveries.Sent on, String data) {
		Origin origin = new Origin(updates.incrementAndGet(), person, ChatType.PRIVATE, person, "ru", false, false,
				on.messageId().intValue(), null, null, false, null);
		return this.dispatcher.handle(new InboundEvent.ButtonPress(origin, "cb-" + origin.updateId(), data));
	}

	private List<Deliveries.Sent> deliver(Replies replies) {
		return this.deliveries.deliver(replies);
	}

	private static Deliveries.Sent only(List<Deliveries.Sent> sent) {
		assertThat(sent).hasSize(1);
		return sent.get(0);
	}

	private static String text(String key, String language, Citizenship citizenship) {
		return knowledge.current().text(key, Audience.of(language, citizenship));
	}

}
