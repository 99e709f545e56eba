package org.haqqim.conversation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.haqqim.cli.RunningBot;
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
		return RunningBot.start(RunningBot.environment(telegram, -1009876L, this.temporary.resolve("restart.db")));
	}

}
