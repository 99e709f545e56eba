package org.haqqim.knowledge;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML document as a tree whose every node knows its line, read with Jackson's
 * streaming parser. Jackson's own trees forget where a value came from; a maintainer
 * needs "line 34" to find a mistake.
 */
final class YamlTree {

	private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

	private YamlTree() {
	}

	sealed interface Node {

		int line();

		/** What a maintainer would call this kind of value, for messages. */
		String kind();

	}

	record Scalar(int line, String text) implements Node {

		@Override
		public String kind() {
			return text == null ? "nothing" : "a single value";
		}

	}

	record Sequence(int line, List<Node> items) implements Node {

		@Override
		public String kind() {
			return "a list";
		}

	}

	record Mapping(int line, Map<String, Entry> entries) implements Node {

		@Override
		public String kind() {
			return "a set of fields";
		}

		Node get(String key) {
			Entry entry = this.entries.get(key);
			return entry == null ? null : entry.value();
		}

	}

	record Entry(int keyLine, Node value) {
	}

	/** A YAML document that could not be read; the line points at the problem. */
	static final class SyntaxError extends Exception {

		private final int line;

		SyntaxError(int line, String message) {
			super(message);
			this.line = line;
		}

		int line() {
			return this.line;
		}

	}

	static Node parse(Reader reader) throws IOException, SyntaxError {
		try (JsonParser parser = FACTORY.createParser(reader)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				return new Scalar(1, null);
			}
			return read(parser);
		}
		catch (JsonProcessingException ex) {
			JsonLocation location = ex.getLocation();
			int line = location == null ? 0 : location.getLineNr();
			throw new SyntaxError(line,
					"the YAML cannot be read: " + ex.getOriginalMessage().lines().findFirst().orElse(""));
		}
	}

	private static Node read(JsonParser parser) throws IOException, SyntaxError {
		int line = parser.currentTokenLocation().getLineNr();
		JsonToken token = parser.currentToken();
		switch (token) {
			case START_OBJECT: {
				Map<String, Entry> entries = new LinkedHashMap<>();
				while (parser.nextToken() == JsonToken.FIELD_NAME) {
					String key = parser.currentName();
					int keyLine = parser.currentTokenLocation().getLineNr();
					parser.nextToken();
					Node value = read(parser);
					if (entries.containsKey(key)) {
						throw new SyntaxError(keyLine, "'" + key + "' appears twice in the same block (first at line "
								+ entries.get(key).keyLine() + ")");
					}
					entries.put(key, new Entry(keyLine, value));
				}
				return new Mapping(line, entries);
			}
			case START_ARRAY: {
				List<Node> items = new ArrayList<>();
				while (parser.nextToken() != JsonToken.END_ARRAY) {
					items.add(read(parser));
				}
				return new Sequence(line, items);
			}
			case VALUE_NULL:
				return new Scalar(line, null);
			default:
				return new Scalar(line, parser.getText());
		}
	}

}
