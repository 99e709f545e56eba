package org.haqqim.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.Language;

/**
 * Measures the matcher on a labelled set of messages (one JSON object per line:
 * {@code text}, {@code language}, {@code topic} or null, {@code urgent}, and optionally
 * {@code citizenship}, the one the person's profile holds, and {@code kind}, what sort of
 * message it is), per language and per kind, next to plain Lucene BM25.
 */
public final class Evaluation {

	/**
	 * One labelled message.
	 *
	 * @param citizenship the citizenship the person's profile holds, or null
	 * @param kind what sort of message it is ("urgent-plain", "near-miss", …), or null
	 */
	public record Sample(String text, String language, String topic, boolean urgent, Citizenship citizenship,
			String kind) {

		public Sample(String text, String language, String topic, boolean urgent) {
			this(text, language, topic, urgent, null, null);
		}

	}

	/** Counts for one language, or for all. */
	public static final class Tally {

		int inScope;

		int top1;

		int top3;

		int answeredRight;

		int answeredWrong;

		int asked;

		int outOfScope;

		int outOfScopeUnanswered;

		int languageRight;

		int total;

		int urgentTruePositive;

		int urgentFalsePositive;

		int urgentFalseNegative;

		int baselineTop1;

		int baselineTop3;

		int baselineOutOfScopeUnanswered;

		public double top1() {
			return ratio(this.top1, this.inScope);
		}

		public double top3() {
			return ratio(this.top3, this.inScope);
		}

		public double answeredRight() {
			return ratio(this.answeredRight, this.inScope);
		}

		/** The share of in-scope messages answered with "did you mean". */
		public double asked() {
			return ratio(this.asked, this.inScope);
		}

		public double wrongAnswers() {
			return ratio(this.answeredWrong, this.inScope + this.outOfScope);
		}

		public double outOfScopeUnanswered() {
			return ratio(this.outOfScopeUnanswered, this.outOfScope);
		}

		public double language() {
			return ratio(this.languageRight, this.total);
		}

		public double urgentRecall() {
			return ratio(this.urgentTruePositive, this.urgentTruePositive + this.urgentFalseNegative);
		}

		public double urgentPrecision() {
			return ratio(this.urgentTruePositive, this.urgentTruePositive + this.urgentFalsePositive);
		}

		public double baselineTop1() {
			return ratio(this.baselineTop1, this.inScope);
		}

		public double baselineTop3() {
			return ratio(this.baselineTop3, this.inScope);
		}

		public double baselineOutOfScopeUnanswered() {
			return ratio(this.baselineOutOfScopeUnanswered, this.outOfScope);
		}

		public int total() {
			return this.total;
		}

		private static double ratio(int part, int whole) {
			return whole == 0 ? Double.NaN : (double) part / whole;
		}

	}

	/**
	 * The results, per language and overall, how well confidence told right from wrong,
	 * and the messages the matcher got wrong.
	 */
	public record Report(Map<String, Tally> byLanguage, Map<String, Tally> byKind, Tally overall,
			Reliability reliability, List<String> misses) {

		/**
		 * One row per language and overall, then, when the set labels its kinds, one row
		 * per kind.
		 */
		public String toTable() {
			StringBuilder table = new StringBuilder();
			String header = String.format("%-12s %5s %7s %7s %7s %7s %7s %8s %7s %8s %8s | %8s %8s %8s%n", "%s", "n",
					"top-1", "top-3", "right", "asked", "wrong", "oos-none", "lang", "urg-rec", "urg-prec", "bm25-t1",
					"bm25-t3", "bm25-oos");
			table.append(String.format(header, "language"));
			this.byLanguage.forEach((language, tally) -> table.append(row(language, tally)));
			table.append(row("all", this.overall));
			if (!this.byKind.isEmpty()) {
				table.append(String.format(header, "kind"));
				this.byKind.forEach((kind, tally) -> table.append(row(kind, tally)));
			}
			table.append(this.reliability.toTable());
			return table.toString();
		}

		private static String row(String name, Tally tally) {
			return String.format("%-12s %5d %7s %7s %7s %7s %7s %8s %7s %8s %8s | %8s %8s %8s%n", name, tally.total,
					percent(tally.top1()), percent(tally.top3()), percent(tally.answeredRight()),
					percent(tally.asked()), percent(tally.wrongAnswers()), percent(tally.outOfScopeUnanswered()),
					percent(tally.language()), percent(tally.urgentRecall()), percent(tally.urgentPrecision()),
					percent(tally.baselineTop1()), percent(tally.baselineTop3()),
					percent(tally.baselineOutOfScopeUnanswered()));
		}

		private static String percent(double value) {
			return Double.isNaN(value) ? "-" : String.format("%.1f%%", 100 * value);
		}

	}

	private final MatchingEngine engine;

	private final Bm25Baseline baseline;

	public Evaluation(KnowledgeBase knowledge, MatchingProperties properties) {
		this.engine = MatchingEngine.build(knowledge, properties);
		this.baseline = new Bm25Baseline(knowledge);
	}

	public static List<Sample> read(Path file) {
		ObjectMapper json = new ObjectMapper();
		List<Sample> samples = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank()) {
					continue;
				}
				JsonNode node = json.readTree(line);
				samples.add(new Sample(node.path("text").asText(), node.path("language").asText(),
						node.path("topic").isNull() || node.path("topic").isMissingNode() ? null
								: node.path("topic").asText(),
						node.path("urgent").asBoolean(false),
						Citizenship.parse(node.path("citizenship").asText(null)).orElse(null),
						node.path("kind").isTextual() ? node.path("kind").asText() : null));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Evaluation set " + file + " could not be read", ex);
		}
		return samples;
	}

	public Report run(List<Sample> samples) {
		Map<String, Tally> byLanguage = new LinkedHashMap<>();
		for (Language language : this.engine.knowledge().languages()) {
			byLanguage.put(language.code(), new Tally());
		}
		Map<String, Tally> byKind = new TreeMap<>();
		Tally overall = new Tally();
		List<String> misses = new ArrayList<>();
		List<Double> confidences = new ArrayList<>();
		List<Boolean> bestRight = new ArrayList<>();
		for (Sample sample : samples) {
			MatchResult result = this.engine.match(new Question(sample.text(), null, sample.citizenship()));
			confidences.add(result.confidence());
			bestRight.add(result.bestTopic().map(topic -> topic.equals(sample.topic())).orElse(false));
			List<String> bm25 = this.baseline.rank(sample.text());
			List<Tally> counted = new ArrayList<>(
					List.of(overall, byLanguage.computeIfAbsent(sample.language(), language -> new Tally())));
			if (sample.kind() != null) {
				counted.add(byKind.computeIfAbsent(sample.kind(), kind -> new Tally()));
			}
			for (Tally tally : counted) {
				count(tally, sample, result, bm25);
			}
			if (sample.topic() != null && !result.bestTopic().map(sample.topic()::equals).orElse(false)
					|| sample.topic() == null && result.decision() == MatchResult.Decision.ANSWER
					|| sample.urgent() != result.urgent() || !sample.language().equals(result.language())) {
				misses.add(String.format("%s | expected %s%s lang=%s | got %s %s %.2f%s lang=%s", sample.text(),
						sample.topic(), sample.urgent() ? " URGENT" : "", sample.language(), result.decision(),
						result.bestTopic().orElse("-"), result.confidence(), result.urgent() ? " URGENT" : "",
						result.language()));
			}
		}
		return new Report(byLanguage, byKind, overall, Reliability.of(confidences, bestRight), misses);
	}

	private static void count(Tally tally, Sample sample, MatchResult result, List<String> bm25) {
		tally.total++;
		if (sample.language().equals(result.language())) {
			tally.languageRight++;
		}
		if (sample.urgent() && result.urgent()) {
			tally.urgentTruePositive++;
		}
		else if (!sample.urgent() && result.urgent()) {
			tally.urgentFalsePositive++;
		}
		else if (sample.urgent()) {
			tally.urgentFalseNegative++;
		}
		if (sample.topic() == null) {
			tally.outOfScope++;
			if (result.decision() != MatchResult.Decision.ANSWER) {
				tally.outOfScopeUnanswered++;
			}
			if (bm25.isEmpty()) {
				tally.baselineOutOfScopeUnanswered++;
			}
			return;
		}
		tally.inScope++;
		List<String> ranked = new ArrayList<>();
		result.topic().ifPresent(ranked::add);
		ranked.addAll(result.alternatives());
		if (!ranked.isEmpty() && Objects.equals(ranked.get(0), sample.topic())) {
			tally.top1++;
		}
		if (ranked.stream().limit(3).anyMatch(sample.topic()::equals)) {
			tally.top3++;
		}
		if (result.decision() == MatchResult.Decision.ANSWER) {
			if (result.topic().get().equals(sample.topic())) {
				tally.answeredRight++;
			}
			else {
				tally.answeredWrong++;
			}
		}
		else if (result.decision() == MatchResult.Decision.DID_YOU_MEAN) {
			tally.asked++;
		}
		if (!bm25.isEmpty() && bm25.get(0).equals(sample.topic())) {
			tally.baselineTop1++;
		}
		if (bm25.contains(sample.topic())) {
			tally.baselineTop3++;
		}
	}

}
