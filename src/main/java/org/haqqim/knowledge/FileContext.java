package org.haqqim.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads typed fields out of one file's {@link YamlTree} and records, with file and line,
 * every value that is missing or of the wrong type.
 */
final class FileContext {

	private final String file;

	private final List<Problem> problems;

	FileContext(String file, List<Problem> problems) {
		this.file = file;
		this.problems = problems;
	}

	String file() {
		return this.file;
	}

	void error(int line, String message) {
		this.problems.add(new Problem(Problem.Severity.ERROR, this.file, line, message));
	}

	void warning(int line, String message) {
		this.problems.add(new Problem(Problem.Severity.WARNING, this.file, line, message));
	}

	Optional<YamlTree.Mapping> mapping(YamlTree.Node node, String what) {
		if (node instanceof YamlTree.Mapping mapping) {
			return Optional.of(mapping);
		}
		error(lineOf(node),
				what + " must be " + new YamlTree.Mapping(0, java.util.Map.of()).kind() + ", not " + kindOf(node));
		return Optional.empty();
	}

	Optional<YamlTree.Mapping> mapping(YamlTree.Mapping parent, String key, boolean required) {
		YamlTree.Node node = parent.get(key);
		if (node == null || isNull(node)) {
			if (required) {
				error(parent.line(), "'" + key + "' is missing");
			}
			return Optional.empty();
		}
		return mapping(node, "'" + key + "'");
	}

	Optional<String> string(YamlTree.Mapping parent, String key, boolean required) {
		YamlTree.Node node = parent.get(key);
		if (node == null || isNull(node)) {
			if (required) {
				error(parent.line(), "'" + key + "' is missing");
			}
			return Optional.empty();
		}
		return string(node, "'" + key + "'", required);
	}

	Optional<String> string(YamlTree.Node node, String what, boolean required) {
		if (node instanceof YamlTree.Scalar scalar && scalar.text() != null) {
			String text = scalar.text().strip();
			if (text.isEmpty() && required) {
				error(node.line(), what + " is empty");
				return Optional.empty();
			}
			return Optional.of(text);
		}
		error(lineOf(node), what + " must be a single value, not " + kindOf(node));
		return Optional.empty();
	}

	Optional<Boolean> bool(YamlTree.Mapping parent, String key, boolean required) {
		return string(parent, key, required).flatMap(text -> {
			if (text.equals("true") || text.equals("false")) {
				return Optional.of(Boolean.valueOf(text));
			}
			error(lineAt(parent, key), "'" + key + "' must be true or false, not '" + text + "'");
			return Optional.empty();
		});
	}

	Optional<LocalDate> date(YamlTree.Mapping parent, String key, boolean required) {
		return string(parent, key, required).flatMap(text -> {
			try {
				return Optional.of(LocalDate.parse(text));
			}
			catch (DateTimeParseException ex) {
				error(lineAt(parent, key), "'" + key + "' must be a date written as YYYY-MM-DD, not '" + text + "'");
				return Optional.empty();
			}
		});
	}

	/** A list of single values; a single value alone is accepted as a list of one. */
	List<String> strings(YamlTree.Mapping parent, String key, boolean required) {
		YamlTree.Node node = parent.get(key);
		if (node == null || isNull(node)) {
			if (required) {
				error(parent.line(), "'" + key + "' is missing");
			}
			return List.of();
		}
		return strings(node, "'" + key + "'");
	}

	List<String> strings(YamlTree.Node node, String what) {
		if (node instanceof YamlTree.Scalar scalar && scalar.text() != null) {
			return List.of(scalar.text().strip());
		}
		if (!(node instanceof YamlTree.Sequence sequence)) {
			error(lineOf(node), what + " must be a list, not " + kindOf(node));
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (YamlTree.Node item : sequence.items()) {
			if (item instanceof YamlTree.Scalar scalar && scalar.text() != null && !scalar.text().isBlank()) {
				values.add(scalar.text().strip());
			}
			else {
				error(item.line(), "every item of " + what + " must be a single value, not " + kindOf(item));
			}
		}
		return values;
	}

	int lineAt(YamlTree.Mapping parent, String key) {
		YamlTree.Entry entry = parent.entries().get(key);
		return entry == null ? parent.line() : entry.value().line();
	}

	int keyLine(YamlTree.Mapping parent, String key) {
		YamlTree.Entry entry = parent.entries().get(key);
		return entry == null ? parent.line() : entry.keyLine();
	}

	private static boolean isNull(YamlTree.Node node) {
		return node instanceof YamlTree.Scalar scalar && scalar.text() == null;
	}

	private static int lineOf(YamlTree.Node node) {
		return node == null ? 0 : node.line();
	}

	private static String kindOf(YamlTree.Node node) {
		return node == null ? "nothing" : node.kind();
	}

}
