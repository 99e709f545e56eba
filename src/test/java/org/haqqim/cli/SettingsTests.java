package org.haqqim.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.haqqim.HaqqimApplication;
import org.haqqim.knowledge.KnowledgeProperties;
import org.haqqim.matching.MatchingProperties;
import org.haqqim.telegram.TelegramProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands that do not start the bot bind the settings it runs with: the same
 * records, from the same variables, relaxed names included. Each case compares what the
 * commands bind with the beans of an application started from the same environment.
 */
class SettingsTests {

	@TempDir
	Path temporary;

	@Test
	void withNothingSetTheCommandsAndTheBotHaveTheSameDefaults() {
		Map<String, String> environment = Map.of("DATABASE_URL", database());
		Settings settings = Settings.of(environment);
		try (ConfigurableApplicationContext bot = start(environment)) {
			assertThat(settings.knowledge()).isEqualTo(bot.getBean(KnowledgeProperties.class));
			assertThat(settings.matching()).isEqualTo(bot.getBean(MatchingProperties.class));
			assertThat(settings.telegram()).isEqualTo(bot.getBean(TelegramProperties.class));
		}
		assertThat(settings.knowledge().directory().normalize()).isEqualTo(Path.of("knowledge"));
		assertThat(settings.matching().answerProbability()).isEqualTo(0.81);
	}

	@Test
	void variablesAndRelaxedNamesBindTheSameForTheCommandsAndTheBot() {
		Map<String, String> environment = new HashMap<>();
		environment.put("DATABASE_URL", database());
		environment.put("KNOWLEDGE_DIR", "some/where");
		environment.put("HAQQIM_KNOWLEDGE_RELOAD_CHECK_INTERVAL", "7s");
		environment.put("HAQQIM_MATCHING_ANSWER_PROBABILITY", "0.42");
		environment.put("HAQQIM_MATCHING_CACHE_SIZE", "77");
		environment.put("TELEGRAM_API_URL", "http://127.0.0.1:9");
		environment.put("HAQQIM_TELEGRAM_HEARTBEAT_FILE", this.temporary.resolve("heartbeat").toString());
		Settings settings = Settings.of(environment);
		try (ConfigurableApplicationContext bot = start(environment)) {
			assertThat(settings.knowledge()).isEqualTo(bot.getBean(KnowledgeProperties.class));
			assertThat(settings.matching()).isEqualTo(bot.getBean(MatchingProperties.class));
			assertThat(settings.telegram()).isEqualTo(bot.getBean(TelegramProperties.class));
		}
		assertThat(settings.knowledge().directory()).isEqualTo(Path.of("some/where"));
		assertThat(settings.knowledge().reloadCheckInterval()).isEqualTo(Duration.ofSeconds(7));
		assertThat(settings.matching().answerProbability()).isEqualTo(0.42);
		assertThat(settings.matching().cacheSize()).isEqualTo(77);
		assertThat(settings.telegram().heartbeatFile()).isEqualTo(this.temporary.resolve("heartbeat"));
		assertThat(settings.telegram().apiUrl()).hasToString("http://127.0.0.1:9");
	}

	@Test
	void onlyTheGivenVariablesCountNotThoseOfTheProcessRunningTheTests() {
		Settings settings = Settings.of(Map.of("PATH", "/nowhere"));
		assertThat(settings.telegram().hasToken()).isFalse();
		assertThat(Settings.environment(Map.of("PATH", "/nowhere")).getProperty("PATH")).isEqualTo("/nowhere");
	}

	private ConfigurableApplicationContext start(Map<String, String> environment) {
		CommandLineLogging logging = new CommandLineLogging();
		return new Bot(HaqqimApplication.class, environment, logging).start(Mode.COMMAND);
	}

	private String database() {
		return "jdbc:sqlite:" + this.temporary.resolve("settings.db");
	}

}
