package org.haqqim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.knowledge.KnowledgeLoader;
import org.haqqim.knowledge.ValidationReport;
import org.haqqim.matching.Evaluation;
import org.haqqim.matching.MatchResult;
import org.haqqim.matching.MatchingEngine;
import org.haqqim.matching.MatchingProperties;
import org.haqqim.matching.Question;
import org.haqqim.matching.UnansweredQuestions;

import org.springframework.context.ConfigurableApplicationContext;

/** The maintainers' commands, run without starting the bot. */
final class Commands {

	private Commands() {
	}

	/**
	 * {@code validate [DIR] [--json]}: 0 when the directory has no errors, 1 otherwise.
	 */
	static int validate(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
		boolean json = args.contains("--json");
		List<String> paths = args.stream().filter(arg -> !arg.startsWith("--")).toList();
		if (paths.size() > 1) {
			err.println("haqqim: validate takes one directory, got " + paths.size());
			return 2;
		}
		Path directory = Path
			.of(paths.isEmpty() ? environment.getOrDefault("KNOWLEDGE_DIR", "./knowledge") : paths.get(0));
		ValidationReport report = new KnowledgeLoader(Clock.systemUTC()).validate(directory);
		out.print(json ? report.toJson() : report.toText());
		out.flush();
		return report.hasErrors() ? 1 : 0;
	}

	/**
	 * {@code ask "TEXT"}: how the bot understands a question. {@code ask --jsonl}: one
	 * JSON object per line on standard input ({@code text}, optional {@code lang} and
	 * {@code citizenship}), one result per line on standard output, in order (the
	 * contract in DESIGN.md).
	 */
	static int ask(List<String> args, Map<String, String> environment, InputStream in, PrintStream out,
			PrintStream err) {
		Optional<MatchingEngine> engine = engine(environment, err);
		if (engine.isEmpty()) {
			return 1;
		}
		if (args.equals(List.of("--jsonl"))) {
			return askJsonLines(engine.get(), in, out);
		}
		if (args.size() != 1 || args.get(0).startsWith("--")) {
			err.println("haqqim: ask takes one question in quotes, or --jsonl");
			return 2;
		}
		long started = System.nanoTime();
		MatchResult result = engine.get().match(Question.of(args.get(0)));
		long micros = (System.nanoTime() - started) / 1000;
		KnowledgeBase knowledge = engine.get().knowledge();
		out.printf("decision:     %s%n", result.decision().name().toLowerCase().replace('_', ' '));
		out.printf("topic:        %s%n",
				result.topic().map(id -> describe(knowledge, id, result.language())).orElse("-"));
		out.printf("confidence:   %.2f%n", result.confidence());
		out.printf("alternatives: %s%n", result.alternatives().isEmpty() ? "-" : String.join(", ",
				result.alternatives().stream().map(id -> describe(knowledge, id, result.language())).toList()));
		out.printf("language:     %s%n", result.language());
		out.printf("urgent:       %s%n", result.urgent() ? "yes" : "no");
		out.printf("time:         %d µs%n", micros);
		return 0;
	}

	private static int askJsonLines(MatchingEngine engine, InputStream in, PrintStream out) {
		ObjectMapper json = new ObjectMapper();
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		try {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				Map<String, Object> row = new LinkedHashMap<>();
				try {
					JsonNode input = json.readTree(line);
					String text = input.path("text").asText("");
					String hint = input.hasNonNull("lang") ? input.path("lang").asText() : null;
					Citizenship citizenship = input.hasNonNull("citizenship")
							? Citizenship.parse(input.path("citizenship").asText()).orElse(null) : null;
					long started = System.nanoTime();
					MatchResult result = engine.match(new Question(text, hint, citizenship));
					long micros = (System.nanoTime() - started) / 1000;
					row.put("topic", result.topic().orElse(null));
					row.put("confidence", Math.round(result.confidence() * 1000) / 1000.0);
					row.put("alternatives", result.alternatives());
					row.put("language", result.language());
					row.put("urgent", result.urgent());
					row.put("micros", micros);
				}
				catch (JsonProcessingException ex) {
					row.put("error", "line " + number + " is not a JSON object");
				}
				out.println(json.writeValueAsString(row));
			}
			out.flush();
			return 0;
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * {@code evaluate FILE [--misses]}: accuracy per language on a labelled set, next to
	 * plain BM25.
	 */
	static int evaluate(List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
		List<String> files = args.stream().filter(arg -> !arg.startsWith("--")).toList();
		if (files.size() != 1 || !Files.isRegularFile(Path.of(files.get(0)))) {
			err.println("haqqim: evaluate takes one labelled JSON-lines file");
			return 2;
		}
		Optional<KnowledgeBase> knowledge = knowledge(environment, err);
		if (knowledge.isEmpty()) {
			return 1;
		}
		Evaluation.Report report = new Evaluation(knowledge.get(), MatchingProperties.defaults())
			.run(Evaluation.read(Path.of(files.get(0))));
		out.print(report.toTable());
		if (args.contains("--misses")) {
			report.misses().forEach(out::println);
		}
		return 0;
	}

	/**
	 * {@code unanswered}: the questions the bot could not answer, grouped, with counts
	 * and the nearest topic.
	 */
	static int unanswered(ConfigurableApplicationContext context, Map<String, String> environment, PrintStream out,
			PrintStream err) {
		Optional<MatchingEngine> engine = engine(environment, err);
		List<UnansweredQuestions.Group> groups = context.getBean(UnansweredQuestions.class).groups();
		if (groups.isEmpty()) {
			out.println("No unanswered questions are kept.");
			return 0;
		}
		for (UnansweredQuestions.Group group : groups) {
			UnansweredQuestions.Entry example = group.example();
			out.printf("%4d× [%s] %s%n", group.questions().size(), example.language(), example.text());
			group.questions().stream().skip(1).limit(4).forEach(entry -> out.printf("        %s%n", entry.text()));
			engine.ifPresent(matching -> matching.match(Question.of(example.text()))
				.bestTopic()
				.ifPresent(topic -> out.printf("      nearest topic: %s%n", topic)));
		}
		return 0;
	}

	/**
	 * {@code health [SECONDS]}: 0 when the bot polled Telegram successfully within the
	 * last SECONDS (default 180), for a container's health check. Runs without starting
	 * the bot.
	 */
	static int health(List<String> args, Map<String, String> environment, PrintStream out) {
		long maxAge = args.isEmpty() ? 180 : Long.parseLong(args.get(0));
		Path file = Path.of(environment.getOrDefault("HAQQIM_TELEGRAM_HEARTBEAT_FILE", "./data/heartbeat"));
		try {
			java.time.Instant last = java.time.Instant.parse(Files.readString(file).strip());
			long age = java.time.Duration.between(last, java.time.Instant.now()).toSeconds();
			out.println((age <= maxAge ? "healthy" : "unhealthy") + ": last successful poll " + age + " s ago");
			return age <= maxAge ? 0 : 1;
		}
		catch (IOException | java.time.format.DateTimeParseException ex) {
			out.println("unhealthy: no heartbeat in " + file);
			return 1;
		}
	}

	private static Optional<MatchingEngine> engine(Map<String, String> environment, PrintStream err) {
		return knowledge(environment, err)
			.map(knowledge -> MatchingEngine.build(knowledge, MatchingProperties.defaults()));
	}

	private static Optional<KnowledgeBase> knowledge(Map<String, String> environment, PrintStream err) {
		Path directory = Path.of(environment.getOrDefault("KNOWLEDGE_DIR", "./knowledge"));
		KnowledgeLoader.Result result = new KnowledgeLoader(Clock.systemUTC()).load(directory);
		if (result.knowledge().isEmpty()) {
			err.println("haqqim: the knowledge base in " + directory + " has " + result.report().errors().size()
					+ " error(s); run ./haqqim validate " + directory);
		}
		return result.knowledge();
	}

	private static String describe(KnowledgeBase knowledge, String topic, String language) {
		return knowledge.topic(topic)
			.flatMap(found -> found.findText(language))
			.map(text -> topic + " (" + text.title() + ")")
			.orElse(topic);
	}

}
