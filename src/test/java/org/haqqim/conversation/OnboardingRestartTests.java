package org.haqqim.conversation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.haqqim.HaqqimApplication;
import org.haqqim.cli.Launcher;
import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.haqqim.telegram.FakeBotApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart between two steps of onboarding: the person continues where they were. */
class OnboardingRestartTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@TempDir
	Path temporary;

	@Test
	void aRestartBetweenTwoStepsContinuesWhereThePersonWas() {
		try (FakeBotApi telegram = new FakeBotApi().start()) {
			long user = 77_000_001L;
			ConfigurableApplicationContext first = start(telegram);
			telegram.userSays(user, "/start", "ky");
			FakeBotApi.Call languages = telegram.awaitScreen(user, 0, WAIT);
			telegram.userPresses(user, languages.targetMessageId(), "l:ky", "ky");
			FakeBotApi.Call citizenships = telegram.awaitScreen(user, 1, WAIT);
			first.close();

			ConfigurableApplicationContext second = start(telegram);
			try {
				telegram.userPresses(user, citizenships.targetMessageId(), "c:KG", "ky");
				FakeBotApi.Call welcome = telegram.awaitScreen(user, 3, WAIT);
				KnowledgeBase knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge"))
					.knowledge()
					.orElseThrow();
				assertThat(welcome.text()).as("the welcome is in the language chosen before the restart")
					.isEqualTo(knowledge.text("welcome", Audience.of("ky", Citizenship.KG)));
				assertThat(telegram.textsSentTo(user)).hasSize(2);
			}
			finally {
				second.close();
			}
		}
	}

	private ConfigurableApplicationContext start(FakeBotApi telegram) {
		Map<String, String> environment = new HashMap<>();
		environment.put("TELEGRAM_BOT_TOKEN", FakeBotApi.CANARY_TOKEN);
		environment.put("TELEGRAM_API_URL", telegram.url());
		environment.put("STAFF_CHAT_ID", "-1009876");
		environment.put("DATABASE_URL", "jdbc:sqlite:" + this.temporary.resolve("restart.db"));
		environment.put("KNOWLEDGE_DIR", "knowledge");
		environment.put("HAQQIM_TELEGRAM_POLL_TIMEOUT", "1s");
		environment.put("HAQQIM_MANAGEMENT_PORT", "0");
		PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
		Launcher.Outcome outcome = new Launcher(HaqqimApplication.class, environment,
				new ByteArrayInputStream(new byte[0]), quiet, quiet)
			.run();
		assertThat(outcome).isInstanceOf(Launcher.Outcome.KeepRunning.class);
		return ((Launcher.Outcome.KeepRunning) outcome).context();
	}

}
