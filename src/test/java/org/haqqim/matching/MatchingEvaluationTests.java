package org.haqqim.matching;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accuracy floors on the labelled sets, so that a change to the matcher or the knowledge
 * base that makes the bot understand less fails the build. The development set was used
 * while tuning; the held-out set was written separately and not looked at, and shows how
 * the matcher generalises. Each set was written by someone who had not seen the knowledge
 * files. The tables are printed; ./haqqim evaluate FILE prints them too.
 */
class MatchingEvaluationTests {

	private static KnowledgeBase knowledge;

	/** Each set is run once for all the tests that read its report. */
	private static final Map<String, Evaluation.Report> reports = new ConcurrentHashMap<>();

	@BeforeAll
	static void load() {
		knowledge = new KnowledgeLoader(Clock.systemUTC()).load(Path.of("knowledge")).knowledge().orElseThrow();
	}

	@Test
	void developmentSetMeetsTheTargets() {
		Evaluation.Report report = run("messages.jsonl");
		Evaluation.Tally all = report.overall();
		assertMeets(all, new Floors(300, 0.92, 0.97, 0.02, 0.85, 0.95, 0.90, 0.97));
		for (String language : List.of("uz", "uz-Cyrl", "ru", "ky", "tg", "en")) {
			assertThat(report.byLanguage().get(language).top1()).as("top-1 in " + language)
				.isGreaterThanOrEqualTo(0.85);
		}
		assertThat(all.top1()).as("better than plain Lucene BM25").isGreaterThan(all.baselineTop1() + 0.05);
	}

	/**
	 * Every set but the development set, with its floors and how it was written and used.
	 */
	static Stream<Arguments> otherSets() {
		return Stream.of(
				// Written separately and never read: shows how the matcher generalises.
				Arguments.of("held-out.jsonl", new Floors(200, 0.90, 0.97, 0.03, 0.85, 0.90, 0.85, 0.96)),
				// A second writer who saw neither the knowledge files nor the other sets,
				// with more long stories; read while tuning urgency and long messages, so
				// a development set since.
				Arguments.of("second-writer.jsonl", new Floors(300, 0.91, 0.97, 0.035, 0.90, 0.95, 0.90, 0.97)),
				// A third writer, likewise unseeing. Evaluated blind once (top-1 90.3%,
				// top-3 98.8%, urgent recall 88.1%, precision 82.5%), then read to find
				// the urgency signals it exposed; a development set since.
				Arguments.of("third-writer.jsonl", new Floors(300, 0.89, 0.97, 0.03, 0.90, 0.95, 0.85, 0.97)),
				// A fourth writer, likewise. Evaluated blind once (top-1 80.5%, top-3
				// 91.5%, urgent recall 67.8%, precision 81.3%), then read. Two kinds of
				// label were corrected because the topic descriptions the writer was
				// given said otherwise than the knowledge base: the Russian language exam
				// is answered by the patent topic, and stolen documents are not urgent
				// (as in every other set). A development set since.
				Arguments.of("fourth-writer.jsonl", new Floors(360, 0.86, 0.94, 0.03, 0.95, 0.95, 0.80, 0.97)),
				// A fifth writer, likewise, evaluated blind once after the fourth
				// writer's set had been used (top-1 85.2%, top-3 95.8%, urgent recall
				// 89.2%, precision 83.5%; the code before that work: 84.5%, 95.5%, 74.3%,
				// 82.1%). The same two kinds of label were corrected before it was run.
				// Kept apart from tuning since, like the held-out set.
				Arguments.of("fifth-writer.jsonl", new Floors(300, 0.83, 0.95, 0.025, 0.90, 0.90, 0.78, 0.98)),
				// A sixth writer, asked for emergencies told without the obvious words
				// ("he doesn't answer since the men in uniform came", "my hand is stuck
				// in the machine") and for general questions full of alarming ones.
				// Evaluated blind once (urgent recall 73.5%, precision 93.3%, top-1
				// 70.4%), then read to find the signals it exposed; a development set
				// since. It has no out-of-scope messages.
				Arguments.of("sixth-writer.jsonl", new Floors(240, 0.68, 0.85, 0.05, Double.NaN, 0.95, 0.90, 0.98)),
				// A seventh writer, given only the topic list and the rules of issue 14,
				// labelling the profile's citizenship and each message's kind (urgent
				// events in plain words, near misses, long stories…). Evaluated blind
				// once (top-1 71.9%, answered right 50.7%, urgent recall 72.7%,
				// precision 66.0%), then read to write
				// knowledge/matching/situations.yaml;
				// a development set since.
				Arguments.of("seventh-writer.jsonl", new Floors(360, 0.79, 0.89, 0.04, 0.94, 0.83, 0.68, 0.99)),
				// An eighth writer, likewise, at the same time, never read: evaluated
				// blind once (top-1 75.5%, answered right 45.2%, urgent recall 64.2%,
				// precision 63.5%) and kept apart from tuning.
				Arguments.of("eighth-writer.jsonl", new Floors(360, 0.79, 0.90, 0.025, 0.96, 0.79, 0.68, 0.99)),
				// A ninth writer, given only a brief (the topics in a line each, the
				// rules
				// of urgency, the kinds and their counts) and no file of the project,
				// 2026-12-03. Evaluated blind once, with nothing tuned to it (top-1
				// 84.0%,
				// answered right 57.1%, wrong 2.5%, urgent recall 88.2%, precision
				// 78.1%); then read as the development set of the fire, gas and "police
				// taking him now" situations and the refit (top-1 88.1%, urgent recall
				// 98.9%, precision 80.0%).
				Arguments.of("ninth-writer.jsonl", new Floors(360, 0.86, 0.92, 0.03, 0.97, 0.96, 0.78, 0.99)),
				// A tenth writer, from the same brief as the ninth and no file of the
				// project, 2026-12-03, after the ninth had been used: evaluated blind
				// once
				// (top-1 82.3%, answered right 60.2%, wrong 2.5%, urgent recall 82.8%,
				// precision 80.2%). Kept apart from all tuning.
				Arguments.of("tenth-writer.jsonl", new Floors(360, 0.80, 0.91, 0.03, 0.97, 0.81, 0.78, 0.99)),
				// 102 emergencies told without "detained", "urgent" or "help" in any
				// language. Evaluated blind once (urgent recall 67.6%, top-1 49.0%), then
				// read with the seventh set; a development set since.
				Arguments.of("plain-emergencies.jsonl",
						new Floors(102, 0.78, 0.90, 0.04, Double.NaN, 0.95, 0.99, 0.99)),
				// 108 more, by another writer, never read: blind on the code before
				// situations.yaml, urgent recall 85.2%, top-1 54.6%. Kept apart.
				Arguments.of("plain-emergencies-kept-apart.jsonl",
						new Floors(108, 0.74, 0.86, 0.07, Double.NaN, 0.91, 0.99, 0.99)));
	}

	/**
	 * The most each set may show of the gap between the confidence and how often the best
	 * topic is right (expected calibration error), and the least share of its questions
	 * it must answer right outright. The model was fitted on the development sets; the
	 * sets kept apart check that it generalises.
	 */
	static Stream<Arguments> confidence() {
		return Stream.of(Arguments.of("messages.jsonl", 0.05, 0.74), Arguments.of("second-writer.jsonl", 0.06, 0.70),
				Arguments.of("third-writer.jsonl", 0.05, 0.66), Arguments.of("fourth-writer.jsonl", 0.06, 0.60),
				Arguments.of("sixth-writer.jsonl", 0.045, 0.52), Arguments.of("seventh-writer.jsonl", 0.07, 0.52),
				Arguments.of("plain-emergencies.jsonl", 0.12, 0.46), Arguments.of("ninth-writer.jsonl", 0.04, 0.59),
				// Kept apart from the fit as from all tuning.
				Arguments.of("held-out.jsonl", 0.06, 0.72), Arguments.of("fifth-writer.jsonl", 0.05, 0.57),
				Arguments.of("eighth-writer.jsonl", 0.05, 0.54), Arguments.of("tenth-writer.jsonl", 0.05, 0.58),
				Arguments.of("plain-emergencies-kept-apart.jsonl", 0.13, 0.36));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("confidence")
	void confidenceSaysHowOftenTheBestTopicIsRight(String file, double calibrationError, double answeredRight) {
		Evaluation.Report report = run(file);
		assertThat(report.reliability().expectedCalibrationError()).as("expected calibration error")
			.isLessThanOrEqualTo(calibrationError);
		assertThat(report.overall().answeredRight()).as("answered right outright")
			.isGreaterThanOrEqualTo(answeredRight);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("otherSets")
	void otherSetsMeetTheirFloors(String file, Floors floors) {
		assertMeets(run(file).overall(), floors);
	}

	/**
	 * The least a set must show; {@code wrongAnswers} is the most. A set without
	 * out-of-scope messages has no share of them left unanswered (NaN), and its floor for
	 * that is NaN too.
	 */
	record Floors(int messages, double top1, double top3, double wrongAnswers, double outOfScopeUnanswered,
			double urgentRecall, double urgentPrecision, double language) {
	}

	private static void assertMeets(Evaluation.Tally all, Floors floors) {
		assertThat(all.total()).isGreaterThanOrEqualTo(floors.messages());
		assertThat(all.top1()).as("top-1").isGreaterThanOrEqualTo(floors.top1());
		assertThat(all.top3()).as("top-3").isGreaterThanOrEqualTo(floors.top3());
		assertThat(all.wrongAnswers()).as("wrong answers").isLessThanOrEqualTo(floors.wrongAnswers());
		if (!Double.isNaN(all.outOfScopeUnanswered())) {
			assertThat(all.outOfScopeUnanswered()).as("out of scope left unanswered")
				.isGreaterThanOrEqualTo(floors.outOfScopeUnanswered());
		}
		assertThat(all.urgentRecall()).as("urgent recall").isGreaterThanOrEqualTo(floors.urgentRecall());
		assertThat(all.urgentPrecision()).as("urgent precision").isGreaterThanOrEqualTo(floors.urgentPrecision());
		assertThat(all.language()).as("language detection").isGreaterThanOrEqualTo(floors.language());
	}

	private static Evaluation.Report run(String file) {
		return reports.computeIfAbsent(file, MatchingEvaluationTests::evaluate);
	}

	private static Evaluation.Report evaluate(String file) {
		Evaluation.Report report = new Evaluation(knowledge, BoundDefaults.matching())
			.run(Evaluation.read(Path.of("src/test/resources/evaluation", file)));
		System.out.println(file + "\n" + report.toTable());
		return report;
	}

}
