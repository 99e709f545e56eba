package org.haqqim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the whole bot in Telegram mode against the {@link FakeBotApi}, with a fresh
 * SQLite database per test class and the real {@code knowledge/}. Timeouts and backoffs
 * are short so that outages play out in seconds. After every test, all captured output is
 * checked for the bot token (S12).
 */
@SpringBootTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
public abstract class EndToEndTest {

	protected static final FakeBotApi telegram = new FakeBotApi().start();

	protected static final long STAFF_CHAT_ID = -1001234567890L;

	private static final Duration QUIET_TIMEOUT = Duration.ofSeconds(20);

	@Autowired
	private JdbcClient botDatabase;

	@DynamicPropertySource
	static void botProperties(DynamicPropertyRegistry registry) {
		registry.add("haqqim.mode", () -> "telegram");
		registry.add("haqqim.telegram.token", () -> FakeBotApi.CANARY_TOKEN);
		registry.add("haqqim.telegram.api-url", telegram::url);
		registry.add("haqqim.telegram.staff-chat", () -> Long.toString(STAFF_CHAT_ID));
		registry.add("haqqim.telegram.poll-timeout", () -> "1s");
		registry.add("haqqim.telegram.initial-backoff", () -> "100ms");
		registry.add("haqqim.telegram.max-backoff", () -> "1s");
		registry.add("haqqim.telegram.call-timeout", () -> "2s");
		// Telegram's pacing has tests of its own (TelegramPacingTests, StaffChatTests);
		// here it would only make every conversation wait a second per message.
		registry.add("haqqim.telegram.private-chat-messages-per-second", () -> "50");
		registry.add("haqqim.telegram.group-messages-per-minute", () -> "6000");
		registry.add("haqqim.transport.handling-retry-delay", () -> "50ms");
		registry.add("haqqim.transport.send-retry-delay", () -> "100ms");
		registry.add("haqqim.transport.max-send-retry-delay", () -> "1s");
		registry.add("haqqim.database.url", () -> "jdbc:sqlite:" + freshDatabase());
	}

	/**
	 * Runs before the class's bot starts (Spring loads it with the first test instance).
	 */
	@BeforeAll
	static void freshCallLog() {
		telegram.forgetCalls();
	}

	/**
	 * S12 and P1: no token, no message text, no name and no username ever reaches the
	 * output.
	 */
	@AfterEach
	void nothingSecretOrPersonalAppearsInOutput(CapturedOutput output) {
		telegram.recover();
		String all = output.getAll();
		String secret = FakeBotApi.CANARY_TOKEN.substring(FakeBotApi.CANARY_TOKEN.indexOf(':') + 1);
		assertThat(all).doesNotContain(secret);
		assertThat(all).doesNotContainPattern("Firstname\\d{5,}").doesNotContainPattern("username\\d{5,}");
		for (String words : telegram.peoplesWords()) {
			if (words.length() >= 12 && !words.startsWith("/")) {
				assertThat(all).as("a person's words in the log").doesNotContain(words);
			}
		}
	}

	/**
	 * Waits until the bot has handled everything sent to it and sent every reply, so that
	 * a test can check what did not happen.
	 */
	protected void awaitQuiet() {
		telegram.awaitQuiet(this.botDatabase, QUIET_TIMEOUT);
	}

	/**
	 * A user id no other test uses, so that tests sharing the fake never see each other's
	 * chats.
	 */
	protected static long newUser() {
		return newUserId();
	}

	/** A new person who chose a language and a citizenship; returns their chat id. */
	protected static long onboarded(String language, String citizenship) {
		Duration wait = Duration.ofSeconds(20);
		long user = newUser();
		String app = language.startsWith("uz") ? "uz" : language;
		telegram.userSays(user, "/start", app);
		FakeBotApi.Call languages = telegram.awaitScreen(user, 0, wait);
		telegram.userPresses(user, languages.targetMessageId(), "l:" + language, app);
		telegram.awaitScreen(user, 1, wait);
		telegram.userPresses(user, languages.targetMessageId(), "c:" + citizenship, app);
		telegram.awaitScreen(user, 3, wait);
		return user;
	}

	public static long newUserId() {
		return 1_000_000L + (long) (Math.random() * 1_000_000_000L);
	}

	private static Path freshDatabase() {
		try {
			Path directory = Files.createTempDirectory("haqqim-test");
			directory.toFile().deleteOnExit();
			return directory.resolve("haqqim.db");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
