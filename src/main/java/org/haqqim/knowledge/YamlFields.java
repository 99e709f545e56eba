package org.haqqim.knowledge;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of one knowledge file, read out of its {@link YamlTree} as the values they
 * must be (a single value, a list, a date, an id, the sources of a fact) and every value
 * that is missing or of the wrong kind recorded as a problem, with the file and the line.
 */
final class YamlFields {

	/** Ids end up in button data, at most 64 bytes with a few bytes of their own. */
	static final int MAX_ID_LENGTH = 40;

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

	static final Pattern URL = Pattern
		.compile("https?://[^\\s/$.?#][^\\s]*\\.[^\\s]+|https?://[\\p{L}\\d.-]+\\.[\\p{L}]+(/\\S*)?");

	private final String file;

	private final List<Problem> problems;

	YamlFields(String file, List<Problem> problems) {
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
		error(lineOf(node), what + " must be " + new YamlTree.Mapping(0, Map.of()).kind() + ", not " + kindOf(node));
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

	/**
	 * An id that fits Telegram's button data: a-z, 0-9 and '-', at most
	 * {@value #MAX_ID_LENGTH} characters.
	 */
	boolean id(int line, String what, String id) {
		if (!ID.matcher(id).matches()) {
			error(line, what + " '" + id + "' may use only a-z, 0-9 and '-'");
			return false;
		}
		if (id.length() > MAX_ID_LENGTH) {
			error(line, what + " '" + id + "' is " + id.length() + " characters; at most " + MAX_ID_LENGTH
					+ ", so that button data stays within Telegram's 64 bytes");
			return false;
		}
		return true;
	}

	/** Whether a native speaker has read a text: {@code draft} or {@code reviewed}. */
	TranslationStatus status(YamlTree.Mapping block, String value) {
		return switch (value) {
			case "draft" -> TranslationStatus.DRAFT;
			case "reviewed" -> TranslationStatus.REVIEWED;
			default -> {
				error(lineAt(block, "status"), "status '" + value + "' must be draft or reviewed");
				yield TranslationStatus.DRAFT;
			}
		};
	}

	/**
	 * The {@code sources} of a topic or a fact: a title, a date, and an address when
	 * there is one.
	 */
	List<Source> sources(YamlTree.Mapping parent, boolean required) {
		YamlTree.Node node = parent.get("sources");
		if (node == null || !(node instanceof YamlTree.Sequence sequence) || sequence.items().isEmpty()) {
			if (required) {
				error(parent.line(), "'sources' is missing: every topic names at least one source");
			}
			else if (node != null && !(node instanceof YamlTree.Sequence)) {
				error(node.line(), "'sources' must be a list of sources");
			}
			return List.of();
		}
		List<Source> sources = new ArrayList<>();
		for (YamlTree.Node item : sequence.items()) {
			mapping(item, "a source").flatMap(this::source).ifPresent(sources::add);
		}
		return sources;
	}

	Optional<Source> source(YamlTree.Mapping source) {
		Optional<String> title = string(source, "title", true);
		Optional<String> url = string(source, "url", false);
		url.filter(value -> !URL.matcher(value).matches())
			.ifPresent(value -> error(lineAt(source, "url"),
					"URL '" + value + "' is malformed: write the whole address, starting with https://"));
		Optional<LocalDate> date = date(source, "date", true);
		Optional<String> readVia = string(source, "read-via", false);
		if (title.isEmpty() || date.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Source(title.get(), url.orElse(null), date.get(), readVia.orElse(null)));
	}

	/**
	 * A text in every language, such as a city's names: every written language must have
	 * one; a generated language that has none gets the transliteration of its source's.
	 */
	Map<String, String> perLanguage(YamlTree.Mapping map, String what, Languages languages) {
		Map<String, String> values = new LinkedHashMap<>();
		map.entries().forEach((code, entry) -> {
			if (!languages.isKnown(code)) {
				error(entry.keyLine(), "'" + code + "' in " + what + " is not a language in languages.yaml");
			}
			string(entry.value(), what + " in '" + code + "'", true).ifPresent(value -> values.put(code, value));
		});
		for (String code : languages.written()) {
			if (!values.containsKey(code)) {
				error(map.line(), what + " has no text in '" + code + "'");
			}
		}
		for (Language language : languages.generated()) {
			if (!values.containsKey(language.code()) && values.containsKey(language.generatedFrom())) {
				values.put(language.code(), languages.transliterate(language, values.get(language.generatedFrom())));
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
