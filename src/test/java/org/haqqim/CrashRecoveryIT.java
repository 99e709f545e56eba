package org.haqqim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged bot in a child process, killed with SIGKILL at the two moments that lose
 * messages in bots built the usual way (reliability cases R6 and R7): after Telegram
 * answered getUpdates but before the batch was committed, and after the reply was
 * committed but before it was sent. After a restart every update is handled once and
 * every reply is sent once. Also stopped with SIGTERM, stopped while people keep writing
 * (R11), and started twice on one database (R16). The bot's output is checked for the bot
 * token.
 */
class CrashRecoveryIT extends PackagedBotTest {

	private static final Duration WAIT = Duration.ofSeconds(40);

	private static final long STAFF_CHAT = -100_424_242L;

	private Process bot;

	CrashRecoveryIT() {
		super(STAFF_CHAT);
	}

	@Test
	void killedAfterTelegramAnsweredButBeforeTheBatchWasStoredTheUpdateComesAgainAndIsHandledOnce() throws Exception {
		this.bot = startBot();
		this.packaged.awaitPolling(WAIT);
		this.telegram.failNext("getupdates", FakeBotApi.Fault.slowBody(), 1);
		Instant armed = Instant.now();
		await().atMost(WAIT)
			.until(() -> this.telegram.calls("getupdates").stream().anyMatch(call -> call.at().isAfter(armed)));
		long user = 900_001L;
		long update = this.telegram.userSays(user, "/help", "ru");
		await().pollDelay(Duration.ofMillis(700)).atMost(Duration.ofSeconds(2)).until(() -> true);
		kill();
		assertThat(this.telegram.confirmedBelow()).as("the update was never confirmed").isLessThanOrEqualTo(update);
		assertThat(this.telegram.textsSentTo(user)).isEmpty();

		this.bot = startBot();
		this.telegram.awaitTextsTo(user, 1, WAIT);
		await().atMost(WAIT).until(() -> this.telegram.confirmedBelow() > update);
		awaitQuiet();
		assertThat(this.telegram.textsSentTo(user)).as("handled exactly once").hasSize(1);
	}

	@Test
	void killedAfterTheReplyWasCommittedButBeforeItWasSentTheReplyIsSentOnceAfterARestart() throws Exception {
		this.bot = startBot();
		this.packaged.awaitPolling(WAIT);
		long user = 900_002L;
		this.telegram.failNextTo(user, "sendmessage", FakeBotApi.Fault.hold());
		long update = this.telegram.userSays(user, "/help", "ru");
		this.telegram.awaitCall("sendmessage", call -> call.chatId() == user, WAIT);
		await().atMost(WAIT).until(() -> this.telegram.confirmedBelow() > update);
		kill();
		assertThat(this.telegram.textsSentTo(user)).isEmpty();

		this.bot = startBot();
		this.telegram.awaitTextsTo(user, 1, WAIT);
		awaitQuiet();
		assertThat(this.telegram.textsSentTo(user)).as("sent once, not lost and not repeated").hasSize(1);
	}

	@Test
	void killedBeforeACaseReachedStaffTheCardIsSentOnceAfterARestart() throws Exception {
		this.bot = startBot();
		this.packaged.awaitPolling(WAIT);
		long user = 900_003L;
		this.telegram.userSays(user, "/report", "ru");
		FakeBotApi.Call what = this.telegram.awaitScreen(user, 1, WAIT);
		// The card goes out as soon as the person has said what happened, before the
		// rest of the intake: the bot is killed while it is being sent.
		this.telegram.failNextTo(STAFF_CHAT, "sendmessage", FakeBotApi.Fault.hold());
		this.telegram.userSays(user, "бригадир забрал паспорта у всех", "ru");
		this.telegram.awaitScreen(user, 2, WAIT);
		this.telegram.awaitCall("sendmessage", call -> call.chatId() == STAFF_CHAT, WAIT);
		kill();
		assertThat(this.telegram.acceptedTo(STAFF_CHAT, "sendmessage")).isEmpty();
		assertThat(what.text()).isNotBlank();

		this.bot = startBot();
		await().atMost(WAIT).until(() -> !this.telegram.acceptedTo(STAFF_CHAT, "sendmessage").isEmpty());
		awaitQuiet();
		List<FakeBotApi.Call> cards = this.telegram.acceptedTo(STAFF_CHAT, "sendmessage")
			.stream()
			.filter(call -> call.text().contains("бригадир забрал паспорта у всех"))
			.toList();
		assertThat(cards).as("the card reaches staff once").hasSize(1);
	}

	@Test
	void sigtermStopsWithinTenSecondsAndARestartLosesNothing() throws Exception {
		this.bot = startBot();
		this.packaged.awaitPolling(WAIT);
		long user = 900_004L;
		this.telegram.failNextTo(user, "sendmessage", FakeBotApi.Fault.delay(Duration.ofSeconds(3)));
		this.telegram.userSays(user, "/help", "ru");
		this.telegram.awaitCall("sendmessage", call -> call.chatId() == user, WAIT);
		long started = System.nanoTime();
		this.bot.destroy();
		assertThat(this.bot.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		this.telegram.userSays(user, "/start", "ru");

		this.bot = startBot();
		await().atMost(WAIT).until(() -> this.telegram.textsSentTo(user).size() >= 2);
		awaitQuiet();
		assertThat(this.telegram.textsSentTo(user)).as("both answered, neither twice").hasSize(2);
		Path heartbeat = this.temporary.resolve("heartbeat");
		assertThat(Files.readString(heartbeat)).startsWith("20");
	}

	/**
	 * Reliability case R11: Telegram keeps what people send while the bot is down, and
	 * the bot answers all of it.
	 */
	@Test
	void messagesSentWhileTheBotWasDownAreAllAnsweredInOrder() throws Exception {
		this.bot = startBot();
		this.packaged.awaitPolling(WAIT);
		List<String> answers = helpAndPrivacy(900_005L);
		this.bot.destroy();
		assertThat(this.bot.waitFor(10, TimeUnit.SECONDS)).isTrue();

		Map<Long, List<String>> expected = tenFromEachOfFive(910_001L, answers);

		this.bot = startBot();
		assertEachAnsweredOnceInOrder(expected);
	}

	/**
	 * Reliability case R10: SIGTERM while fifty messages are being handled and answered
	 * stops the bot within 10 s; after a restart every message has been answered once, in
	 * the order each chat sent them.
	 */
	@Test
	void sigtermWithFiftyMessagesInFlightStopsInTimeAndARestartAnswersEachOnce() throws Exception {
		this.bot = startBot();
		this.packaged.awaitPolling(WAIT);
		List<String> answers = helpAndPrivacy(900_006L);
		this.telegram.failNextTo(920_001L, "sendmessage", FakeBotApi.Fault.delay(Duration.ofSeconds(1)));
		this.telegram.failNextTo(920_003L, "sendmessage", FakeBotApi.Fault.delay(Duration.ofSeconds(1)));

		Map<Long, List<String>> expected = tenFromEachOfFive(920_001L, answers);
		this.telegram.awaitCall("sendmessage", call -> call.chatId() >= 920_001L && call.chatId() <= 920_005L, WAIT);
		this.bot.destroy();
		assertThat(this.bot.waitFor(10, TimeUnit.SECONDS)).as("stopped within 10 s").isTrue();
		int answeredBeforeRestart = expected.keySet()
			.stream()
			.mapToInt(chat -> this.telegram.textsSentTo(chat).size())
			.sum();
		assertThat(answeredBeforeRestart).as("the stop came while messages were in flight").isLessThan(50);

		this.bot = startBot();
		assertEachAnsweredOnceInOrder(expected);
	}

	/** The bot's answers to /help and to /privacy, which differ, learnt from one chat. */
	private List<String> helpAndPrivacy(long probe) {
		this.telegram.userSays(probe, "/help", "ru");
		this.telegram.userSays(probe, "/privacy", "ru");
		List<String> answers = this.telegram.awaitTextsTo(probe, 2, WAIT);
		assertThat(answers.get(0)).isNotEqualTo(answers.get(1));
		return answers.subList(0, 2);
	}

	/**
	 * Five chats from {@code firstUser} on send ten commands each, interleaved; what each
	 * should get back.
	 */
	private Map<Long, List<String>> tenFromEachOfFive(long firstUser, List<String> helpAndPrivacy) {
		Map<Long, List<String>> expected = new LinkedHashMap<>();
		for (int message = 0; message < 10; message++) {
			for (long user = firstUser; user < firstUser + 5; user++) {
				boolean asksHelp = ((user + message) * 7 + message / 3) % 2 == 0;
				this.telegram.userSays(user, asksHelp ? "/help" : "/privacy", "ru");
				expected.computeIfAbsent(user, key -> new ArrayList<>()).add(helpAndPrivacy.get(asksHelp ? 0 : 1));
			}
		}
		return expected;
	}

	private void assertEachAnsweredOnceInOrder(Map<Long, List<String>> expected) {
		for (Map.Entry<Long, List<String>> chat : expected.entrySet()) {
			this.telegram.awaitTextsTo(chat.getKey(), chat.getValue().size(), WAIT);
		}
		awaitQuiet();
		for (Map.Entry<Long, List<String>> chat : expected.entrySet()) {
			assertThat(this.telegram.textsSentTo(chat.getKey()))
				.as("chat %d: all ten, once each, in the order sent", chat.getKey())
				.containsExactlyElementsOf(chat.getValue());
		}
	}

	/**
	 * Reliability case R16: a second bot on the same database refuses to start; the first
	 * keeps answering.
	 */
	@Test
	void aSecondBotOnTheSameDatabaseRefusesToStartAndTheFirstKeepsRunning() throws Exception {
		this.bot = startBot();
		this.packaged.awaitPolling(WAIT);
		Process second = startBot();
		try {
			assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("the second bot stops by itself").isTrue();
			assertThat(second.exitValue()).as("exit status of the second bot").isNotZero();
			assertThat(this.packaged.lastLog()).contains("another Haqqim is already running on the database");
		}
		finally {
			second.destroyForcibly();
		}
		assertThat(this.bot.isAlive()).as("the first bot keeps running").isTrue();
		long user = 900_006L;
		this.telegram.userSays(user, "/help", "ru");
		this.telegram.awaitTextsTo(user, 1, WAIT);
	}

	private Process startBot() throws IOException {
		return this.packaged
			.start(Map.of("DATABASE_URL", "jdbc:sqlite:" + database(), "HAQQIM_TELEGRAM_CALL_TIMEOUT", "60s"));
	}

	/**
	 * Waits until the bot has handled every update and sent every reply, read from its
	 * database.
	 */
	private void awaitQuiet() {
		this.telegram.awaitQuiet(JdbcClient.create(new DriverManagerDataSource("jdbc:sqlite:" + database())), WAIT);
	}

	private Path database() {
		return this.temporary.resolve("bot.db");
	}

	/**
	 * SIGKILL: no shutdown hook runs, nothing is flushed that was not already committed.
	 */
	private void kill() throws InterruptedException {
		this.bot.destroyForcibly();
		assertThat(this.bot.waitFor(10, TimeUnit.SECONDS)).isTrue();
	}

}
