package org.haqqim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.haqqim.knowledge.Citizenship;
import org.haqqim.knowledge.KnowledgeBase;
import org.haqqim.matching.MatchResult;
import org.haqqim.matching.MatchingEngine;
import org.haqqim.matching.Question;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./haqqim ask "TEXT"}: how the bot understands a question. {@code ask --jsonl}:
 * one JSON object per line on standard input ({@code text}, optional {@code lang} and
 * {@code citizenship}), one result per line on standard output, in order (the contract in
 * DESIGN.md).
 */
@Command(name = "ask",
		description = { "Shows how the bot understands a question.",
				"It matches with the settings the running bot has. With --jsonl it reads one",
				"{\"text\":…,\"lang\":…,\"citizenship\":…} per line on standard input and writes one",
				"{\"topic\",\"confidence\",\"alternatives\",\"language\",\"urgent\",\"micros\"} per line, in order." })
final class AskCommand implements Callable<Integer> {

	@Parameters(arity = "0..1", paramLabel = "TEXT", description = "the question, in quotes")
	String text;

	@Option(names = "--jsonl", description = "questions as JSON lines on standard input, results as JSON lines")
	boolean jsonLines;

	@Spec
	CommandSpec spec;

	private final Settings settings;

	private final Clock clock;

	private final InputStream in;

	private final PrintStream out;

	private final PrintStream err;

	AskCommand(Settings settings, Clock clock, InputStream in, PrintStream out, PrintStream err) {
		this.settings = settings;
		this.clock = clock;
		this.in = in;
		this.out = out;
		this.err = err;
	}

	@Override
	public Integer call() {
		if (this.jsonLines == (this.text != null)) {
			throw new ParameterException(this.spec.commandLine(),
					this.jsonLines ? "give a question or --jsonl, not both" : "give a question in quotes, or --jsonl");
		}
		Optional<MatchingEngine> engine = LoadedKnowledge.engine(this.settings, this.clock, this.err);
		if (engine.isEmpty()) {
			return 1;
		}
		if (this.jsonLines) {
			answerLines(engine.get());
		}
		else {
			answer(engine.get());
		}
		return 0;
	}

	private void answer(MatchingEngine engine) {
		long started = System.nanoTime();
		MatchResult result = engine.match(Question.of(this.text));
		long micros = (System.nanoTime() - started) / 1000;
		KnowledgeBase knowledge = engine.knowledge();
		this.out.printf("decision:     %s%n", result.decision().name().toLowerCase().replace('_', ' '));
		this.out.printf("topic:        %s%n",
				result.topic().map(id -> describe(knowledge, id, result.language())).orElse("-"));
		this.out.printf("confidence:   %.2f%n", result.confidence());
		this.out.printf("alternatives: %s%n", result.alternatives().isEmpty() ? "-" : String.join(", ",
				result.alternatives().stream().map(id -> describe(knowledge, id, result.language())).toList()));
		this.out.printf("language:     %s%n", result.language());
		this.out.printf("urgent:       %s%n", result.urgent() ? "yes" : "no");
		this.out.printf("time:         %d µs%n", micros);
	}

	private void answerLines(MatchingEngine engine) {
		ObjectMapper json = new ObjectMapper();
		BufferedReader reader = new BufferedReader(new InputStreamReader(this.in, StandardCharsets.UTF_8));
		try {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				this.out.println(json.writeValueAsString(answerLine(engine, json, line, number)));
			}
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> answerLine(MatchingEngine engine, ObjectMapper json, String line, int number) {
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
		return row;
	}

	private static String describe(KnowledgeBase knowledge, String topic, String language) {
		return knowledge.topic(topic)
			.flatMap(found -> found.findText(language))
			.map(text -> topic + " (" + text.title() + ")")
			.orElse(topic);
	}

}
