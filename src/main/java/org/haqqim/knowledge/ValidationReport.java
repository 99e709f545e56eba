package org.haqqim.knowledge;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Everything the validator found, errors first, then in file and line order. */
public record ValidationReport(List<Problem> problems) {

	private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::severity)
		.thenComparing(Problem::file)
		.thenComparingInt(Problem::line)
		.thenComparing(Problem::message);

	public ValidationReport {
		problems = problems.stream().sorted(ORDER).toList();
	}

	public boolean hasErrors() {
		return this.problems.stream().anyMatch(Problem::isError);
	}

	public List<Problem> errors() {
		return this.problems.stream().filter(Problem::isError).toList();
	}

	public List<Problem> warnings() {
		return this.problems.stream().filter(problem -> !problem.isError()).toList();
	}

	/** The report for people: one problem per line, then a count. */
	public String toText() {
		String lines = this.problems.stream().map(Problem::describe).collect(Collectors.joining("\n"));
		String summary = count(errors().size(), "error") + ", " + count(warnings().size(), "warning");
		return lines.isEmpty() ? summary + "\n" : lines + "\n" + summary + "\n";
	}

	/** The report for tools. */
	public String toJson() {
		ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
		record Json(int errors, int warnings, List<JsonProblem> problems) {
		}
		List<JsonProblem> rows = this.problems.stream()
			.map(problem -> new JsonProblem(problem.severity().label(), problem.file(), problem.line(),
					problem.message()))
			.toList();
		try {
			return json.writeValueAsString(new Json(errors().size(), warnings().size(), rows)) + "\n";
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Validation report could not be written as JSON", ex);
		}
	}

	private record JsonProblem(String severity, String file, int line, String message) {
	}

	private static String count(int n, String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

}
