package org.haqqim.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.haqqim.knowledge.Audience;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./haqqim console}, scripted as the README shows: lines in, the bot's replies
 * out, in order, with the real knowledge base and a database of the test's own. What the
 * bot says is read from the knowledge base, so that editing a text does not break the
 * test.
 */
class ConsoleCommandTests {

	private static final Audience RUSSIAN_UZBEK = Audience.of("ru", Citizenship.UZ);

	private static KnowledgeBase knowledge;

	@TempDir
	Path temporary;

	@BeforeAll
	static void load() {
		knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge")).knowledge().orElseThrow();
	}

	@Test
	void aPersonChoosesLanguageAndCitizenshipAndIsAnswered() {
		List<String> lines = console("""
				/start
				1
				1
				patent qancha turadi
				""");
		assertThat(lines).contains(plain("start.choose-language", Audience.of("ru", null)),
				"(updated) " + plain("start.choose-citizenship", Audience.of("ru", null)),
				"(updated) " + knowledge.plainText("settings.citizenship-saved", RUSSIAN_UZBEK,
						Map.of("citizenship", plain("citizenship.UZ", RUSSIAN_UZBEK))),
				knowledge.topic("patent").orElseThrow().text("ru").title());
		assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("[1] Русский"));
	}

	@Test
	void anUrgentCaseReachesStaffOnlyAfterYesAndTheirAnswerComesBack() {
		List<String> lines = console("""
				/start
				1
				1
				меня задержали в метро сейчас
				1
				1
				1
				Пропустить
				Пропустить
				staff#1> Мы звоним в отдел
				""");
		int consent = lines.indexOf(plain("report.consent", RUSSIAN_UZBEK));
		int card = indexOfFirst(lines, "[staff #1] ");
		assertThat(consent).as("the question whether to send it").isPositive();
		assertThat(card).as("the case card, after the yes").isGreaterThan(consent);
		assertThat(lines).contains("[staff #1] меня задержали в метро сейчас",
				plain("report.staff-prefix", RUSSIAN_UZBEK), "Мы звоним в отдел");
		assertThat(lines.indexOf("Мы звоним в отдел")).isGreaterThan(card);
	}

	private List<String> console(String script) {
		CommandLineRun.Result result = CommandLineRun.run(environment(), script, "console");
		assertThat(result.exit()).isZero();
		return result.outLines();
	}

	private Map<String, String> environment() {
		return Map.of("KNOWLEDGE_DIR", "knowledge", "DATABASE_URL",
				"jdbc:sqlite:" + this.temporary.resolve("console.db"));
	}

	private static int indexOfFirst(List<String> lines, String prefix) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).startsWith(prefix)) {
				return i;
			}
		}
		return -1;
	}

	private static String plain(String key, Audience audience) {
		return knowledge.plainText(key, audience);
	}

}
