package org.haqqim.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.haqqim.system.MovableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator over fixtures named by scenario: the valid base, and overlays that break
 * one thing each. Every report is compared with a golden file, so that a change in
 * wording is a visible change.
 */
class KnowledgeLoaderTests {

	static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC);

	@TempDir
	Path temporary;

	private final KnowledgeLoader loader = new KnowledgeLoader(TODAY);

	@Test
	void validBaseLoadsWithOnlyDraftWarnings() {
		KnowledgeLoader.Result result = this.loader.load(fixture("valid"));
		assertThat(result.report().errors()).isEmpty();
		assertThat(result.knowledge()).isPresent();
		assertThat(result.knowledge().get().topics()).hasSize(18);
		assertThat(result.knowledge().get().contacts().office("uz-embassy-moscow").orElseThrow().check())
			.as("who checked the office, and how, is kept with the date")
			.hasValueSatisfying(check -> assertThat(check.by() + " / " + check.how())
				.isEqualTo("a test maintainer / called the number on the list"));
		assertGolden("valid", result.report().toText());
	}

	@Test
	void malformedYamlNamesTheLine() {
		assertGolden("malformed-yaml", report("malformed-yaml"));
	}

	@Test
	void missingTranslationsAreErrors() {
		assertGolden("missing-translation", report("missing-translation"));
	}

	@Test
	void aFactNeedsAValueForEveryCitizenshipItIsShownTo() {
		assertGolden("fact-without-value", report("fact-without-value"));
	}

	@Test
	void theSameQuestionUnderTwoTopicsIsFoundDespiteApostrophesAndCase() {
		assertGolden("duplicate-question", report("duplicate-question"));
	}

	@Test
	void aWordInTwoSynonymGroupsIsAnError() {
		assertGolden("synonym-in-two-groups", report("synonym-in-two-groups"));
	}

	@Test
	void aSituationNamesAnExistingTopicAndACitizenshipIsOneTheBotKnows() {
		assertThat(this.loader.validate(scenario("broken-situations")).errors()).extracting(Problem::describe)
			.containsExactly("matching/citizenship.yaml:2: error: 'UZB' is not a citizenship (UZ, KG, TJ, KZ, OTHER)",
					"matching/situations.yaml:2: error: situation 'a topic misspelt' names topic 'detentoin', "
							+ "which is not in topics/ (write none for a question that is not ours, staff for one only "
							+ "staff can help with)",
					"matching/situations.yaml:7: error: situation 'an emergency without a topic' is urgent but "
							+ "has no topic: an emergency needs the topic whose answer it gets, or staff",
					"matching/situations.yaml:12: error: situation 'staff and a topic' names staff and a topic: "
							+ "what only staff can help with has no topic's answer");
	}

	@Test
	void brokenReferencesFormatsAndIdsAreErrors() {
		Path directory = scenario("broken-references");
		deleteQuietly(directory.resolve("topics/lost-documents.yaml"));
		ValidationReport report = this.loader.validate(directory);
		assertGolden("broken-references", report.toText());
		assertGolden("broken-references.json", report.toJson());
	}

	@Test
	void oldReviewsAndWeakSourcesAreWarningsOnly() {
		KnowledgeLoader.Result result = this.loader.load(scenario("old-review-and-weak-source"));
		assertThat(result.knowledge()).isPresent();
		assertGolden("old-review-and-weak-source", result.report().toText());
	}

	@Test
	void aLanguageIsGeneratedOnlyFromOneTheBotCanTransliterate() {
		assertThat(this.loader.validate(scenario("language-that-cannot-be-generated")).errors())
			.extracting(Problem::describe)
			.containsExactly("languages.yaml:1: error: language 'uz-Cyrl' cannot be generated from 'ky': the bot can "
					+ "generate uz-Cyrl from uz; write its texts instead");
	}

	@Test
	void aMissingRequiredTopicIsAnError() {
		Path directory = scenario("valid");
		deleteQuietly(directory.resolve("topics/detention.yaml"));
		assertThat(this.loader.validate(directory).errors()).extracting(Problem::describe)
			.containsExactly(
					"matching/situations.yaml:3: error: situation 'everyone taken away on a bus in a raid' names "
							+ "topic 'detention', which is not in topics/ (write none for a question that is not ours, "
							+ "staff for one only staff can help with)",
					"topics/detention.yaml: error: required topic 'detention' is missing");
	}

	@Test
	void uzbekCyrillicIsGeneratedFromLatin() {
		KnowledgeBase knowledge = this.loader.load(fixture("valid")).knowledge().orElseThrow();
		Topic.Text cyrillic = knowledge.topic("patent").orElseThrow().text("uz-Cyrl");
		assertThat(cyrillic.title()).isEqualTo("патент титле уз");
		assertThat(cyrillic.status()).isEqualTo(TranslationStatus.DRAFT);
		assertThat(knowledge.template("uz-Cyrl", "category.police")).isEqualTo("полисе (уз)");
	}

	@Test
	void factsAreRenderedForTheCitizenshipOrForEveryoneWhenItIsUnknown() {
		KnowledgeBase knowledge = this.loader.load(fixture("valid")).knowledge().orElseThrow();
		String answer = knowledge.topic("registration").orElseThrow().text("en").answer();
		assertThat(knowledge.render(answer, Audience.of("en", Citizenship.UZ), Map.of()))
			.isEqualTo("What to do about registration in en. Register within 15 days.");
		assertThat(knowledge.render(answer, Audience.of("en", Citizenship.KG), Map.of()))
			.isEqualTo("What to do about registration in en. Register within 30 days.");
		assertThat(knowledge.render(answer, Audience.of("en", null), Map.of()))
			.isEqualTo("What to do about registration in en. Register within 15 days (UZ (en), TJ (en)); "
					+ "30 days (KG (en), KZ (en), OTHER (en)).");
	}

	@Test
	void aFactNearItsDateIsAWarningAndPastItTheBotSaysToCheckWhileTheValidatorFails() {
		Path directory = scenario("fact-with-a-date");
		assertThat(this.loader.validate(directory).warnings()).extracting(Problem::describe)
			.contains("facts/general.yaml:26: warning: fact 'price' is valid until 2026-12-31, in 33 days: find the new"
					+ " value and its source");
		MovableClock clock = new MovableClock(Instant.parse("2026-12-31T12:00:00Z"));
		KnowledgeBase running = new KnowledgeLoader(clock).load(directory).knowledge().orElseThrow();
		assertThat(running.render("Price: {price}.", Audience.of("en", Citizenship.UZ), Map.of()))
			.isEqualTo("Price: 10 000.");
		clock.advance(Duration.ofDays(1));
		assertThat(running.render("Price: {price}.", Audience.of("en", Citizenship.UZ), Map.of()))
			.as("the running bot stops showing the stale value the day after it expired")
			.isEqualTo("Price: new every year, check the current one.");
		assertThat(running.render("Price: {price}.", Audience.of("ru", null), Map.of()))
			.isEqualTo("Price: каждый год новая, уточните текущую.");
		KnowledgeLoader.Result restarted = new KnowledgeLoader(clock).load(directory);
		assertThat(restarted.knowledge()).as("an expired fact never stops the bot from starting").isPresent();
		assertThat(new KnowledgeLoader(clock).validate(directory).errors()).extracting(Problem::describe)
			.containsExactly("facts/general.yaml:26: error: fact 'price' was valid until 2026-12-31: the bot now shows"
					+ " its 'when-expired' text; write the new value and a new 'valid-until'");
	}

	/**
	 * Issue 17: a deadline of My dates names a date a person can give, is counted one
	 * way, has its texts, and gives each citizenship one rule; every language reads dates
	 * with twelve months.
	 */
	@Test
	void aDeadlineIsCountedOneWayFromADateAPersonGivesWithItsTexts() {
		assertThat(this.loader.validate(scenario("broken-deadlines")).errors()).extracting(Problem::describe)
			.anyMatch(problem -> problem.contains("'counts-from' is 'arrival-day'"))
			.anyMatch(problem -> problem.contains("give exactly one of calendar-days, working-days, day-before "
					+ "(it has calendar-days, working-days)"))
			.anyMatch(problem -> problem.contains("citizenship 'XX' is not one of UZ, KG, TJ, KZ, OTHER"))
			.anyMatch(problem -> problem.contains("'calendar-days' is 'none'; write a number of days"))
			.anyMatch(problem -> problem
				.contains("deadline 'registration' needs the text 'dates.deadline.registration'" + " in texts/en.yaml"))
			.anyMatch(problem -> problem.contains("the months of 'ru' must be a list of twelve lists"))
			.anyMatch(problem -> problem.contains("date-words has no words for 'uz'"));
	}

	/**
	 * Issue 17: an announcement is for the subscribers of topics that exist, of
	 * citizenships the bot knows, with its text in every written language.
	 */
	@Test
	void anAnnouncementNamesExistingTopicsAndHasItsTextInEveryLanguage() {
		assertThat(this.loader.validate(scenario("broken-announcement")).errors()).extracting(Problem::describe)
			.anyMatch(problem -> problem.contains("topic 'patent-for-inventors' does not exist"))
			.anyMatch(problem -> problem.contains("citizenship 'XX' is not one of UZ, KG, TJ, KZ, OTHER"))
			.anyMatch(problem -> problem.contains("the text has no text in 'en'"));
	}

	@Test
	void aWordTheGlossaryRulesOutIsAnErrorInTextsButNotInQuestions() {
		assertThat(this.loader.validate(scenario("word-the-glossary-rules-out")).errors()).extracting(Problem::describe)
			.containsExactly("topics/registration.yaml: error: 'about registration' in the answer of 'en': the glossary"
					+ " says 'migration registration' for the migration registration");
	}

	@Test
	void renderingEscapesTextAndParametersAndMakesBold() {
		KnowledgeBase knowledge = this.loader.load(fixture("valid")).knowledge().orElseThrow();
		assertThat(knowledge.render("**Now:** call {emergency-number} & wait <here> for {name}",
				Audience.of("ru", Citizenship.TJ), Map.of("name", "<Ali>")))
			.isEqualTo("<b>Now:</b> call 112 &amp; wait &lt;here&gt; for &lt;Ali&gt;");
		assertThat(knowledge.render("In danger, call **{emergency-number}**.", Audience.of("en", null), Map.of()))
			.isEqualTo("In danger, call <b>112</b>.");
		assertThat(knowledge.render("Hello {name}", Audience.of("en", null), Map.of("name", "**not bold**")))
			.isEqualTo("Hello **not bold**");
	}

	private String report(String scenario) {
		return this.loader.validate(scenario(scenario)).toText();
	}

	/** A copy of the valid base with the scenario's files laid over it. */
	private Path scenario(String name) {
		Path directory = this.temporary.resolve(name);
		KnowledgeDirectories.copy(fixture("valid"), directory);
		Path overlay = fixture("scenarios").resolve(name);
		if (Files.isDirectory(overlay)) {
			KnowledgeDirectories.copy(overlay, directory);
		}
		return directory;
	}

	private static Path fixture(String name) {
		try {
			return Path.of(KnowledgeLoaderTests.class.getResource(name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Compares a report with its golden file. After an intended change of wording, run
	 * the tests with {@code -DupdateGoldens=true} to rewrite the goldens in
	 * src/test/resources, and review the diff.
	 */
	private static void assertGolden(String name, String actual) {
		Path golden = fixture("valid").resolveSibling("reports").resolve(name.contains(".") ? name : name + ".txt");
		if (Boolean.getBoolean("updateGoldens")) {
			Path source = Path.of("src/test/resources/org/haqqim/knowledge/reports").resolve(golden.getFileName());
			try {
				Files.writeString(source, actual, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return;
		}
		try {
			String expected = Files.readString(golden, StandardCharsets.UTF_8);
			assertThat(actual).as("report for scenario %s (golden file %s)", name, golden.getFileName())
				.isEqualTo(expected);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Golden file " + golden + " is missing; the report was:\n" + actual, ex);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
